package dev.shortener.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Declares the application's one datasource: the SQLite file {@code shortener.db} in the data
 * directory.
 *
 * <p>The URL uses a {@code ${shortener.data.dir}} system-property placeholder because that is the
 * one syntax both Payara and TomEE resolve; when no such property is set, {@link
 * SQLiteFileDataSource} fills it in from {@code SHORTENER_DATA_DIR} or the default {@code ./data}.
 * SQLite has one writer at a time, so a handful of pooled connections is plenty.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "dev.shortener.platform.SQLiteFileDataSource",
    url = "jdbc:sqlite:${shortener.data.dir}/" + Database.FILE,
    minPoolSize = 2,
    maxPoolSize = 16)
@ApplicationScoped
public class Database {

  /** Where the datasource is bound; persistence.xml names it too. */
  public static final String JNDI_NAME = "java:app/jdbc/shortener";

  /** The database file's name inside the data directory. */
  static final String FILE = "shortener.db";

  /**
   * A connection of its own to the same file, with the same pragmas, outside the server's pool: for
   * the last writes while the application stops, when Payara Micro has already taken the pool down
   * ("No Pool Meta Data object associated with the pool" on SIGTERM).
   */
  public static Connection openDirectly() throws SQLException {
    SQLiteFileDataSource direct = new SQLiteFileDataSource();
    direct.setUrl("jdbc:sqlite:" + Path.of(Setting.DATA_DIR.value().orElseThrow(), FILE));
    return direct.getConnection();
  }
}
