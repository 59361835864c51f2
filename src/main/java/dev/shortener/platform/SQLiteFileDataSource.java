package dev.shortener.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite datasource the servers pool: creates the data directory on first use and fixes the
 * pragmas every connection needs, so that Payara and TomEE open the file identically.
 *
 * <p>WAL lets readers run while the single writer commits; the busy timeout makes a second writer
 * wait instead of failing with SQLITE_BUSY (set here, because a {@code busy_timeout} URL parameter
 * loses to the datasource's own default). {@code synchronous=NORMAL} in WAL mode survives a killed
 * server; only a power cut can lose the last commits, which is the trade-off that lets one SQLite
 * file take thousands of new links a second.
 */
public class SQLiteFileDataSource extends SQLiteDataSource {

  private static final long serialVersionUID = 1L;

  private static final String DATA_DIR_PLACEHOLDER = "${shortener.data.dir}";

  private volatile boolean prepared;

  /** Milliseconds a writer waits for the write lock before giving up. */
  static final int BUSY_TIMEOUT_MS = 10_000;

  /** Creates the datasource with the shortener's pragmas; the server sets the URL afterwards. */
  public SQLiteFileDataSource() {
    super(configuration());
  }

  private static SQLiteConfig configuration() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config;
  }

  /**
   * Takes the URL from the server, filling in {@code ${shortener.data.dir}} from {@link
   * Setting#DATA_DIR} when the server left it unresolved (no such system property, only the {@code
   * SHORTENER_DATA_DIR} variable or the default), so the database and the salt file always share
   * one folder.
   */
  @Override
  public void setUrl(String url) {
    String dataDir = Setting.DATA_DIR.value().orElseThrow();
    super.setUrl(url == null ? null : url.replace(DATA_DIR_PLACEHOLDER, dataDir));
  }

  @Override
  public SQLiteConnection getConnection(String username, String password) throws SQLException {
    if (!prepared) {
      prepareFile();
    }
    return super.getConnection(username, password);
  }

  /**
   * Before the first connection: the data directory exists and is private, and so is the database
   * file, created here rather than by SQLite, which would take the process's umask.
   */
  private synchronized void prepareFile() {
    String url = getUrl();
    String prefix = "jdbc:sqlite:";
    if (prepared || url == null || !url.startsWith(prefix) || url.contains(":memory:")) {
      return;
    }
    String name = url.substring(prefix.length());
    int query = name.indexOf('?');
    Path file = Path.of(query < 0 ? name : name.substring(0, query)).toAbsolutePath();
    try {
      DataDirectory.prepare(file.getParent());
      DataDirectory.createPrivateFile(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the database file " + file, e);
    }
    prepared = true;
  }
}
