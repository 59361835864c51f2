package dev.shortener.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Moves a SQLite data directory into the empty PostgreSQL database the shortener runs on, at start
 * ({@link Setting#IMPORT_SQLITE_DIR}): every row of every table the two schemas share, with its id,
 * the ids' high-water marks (so no code is ever handed out twice), and the directory's Hashids
 * salt, so that every short link keeps working with its clicks.
 *
 * <p>The SQLite database is first brought to this release's schema, as starting on it would, then
 * copied in one PostgreSQL transaction: an import that fails leaves the database empty, and the
 * next start tries again. A database that has links already is left alone (the setting can stay
 * until the next deployment without importing twice).
 */
final class SqliteImport {

  private static final Logger LOG = Logger.getLogger(SqliteImport.class.getName());

  /** Parents before the rows that name them. */
  private static final List<String> TABLES =
      List.of(
          "link",
          "tag",
          "link_tag",
          "click",
          "api_key",
          "agent",
          "visit",
          "visit_day",
          "visit_total");

  private static final int BATCH = 1_000;

  private SqliteImport() {}

  /** Imports the data directory {@code folder} over {@code target}, if {@code target} is empty. */
  static void into(Connection target, Path folder) throws SQLException {
    Path file = folder.resolve(Database.FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "SHORTENER_IMPORT_SQLITE_DIR is "
              + folder.toAbsolutePath()
              + ", which has no "
              + Database.FILE
              + " to import");
    }
    if (hasRows(target, "link") || hasRows(target, "api_key")) {
      LOG.warning(
          () ->
              "Not importing "
                  + file.toAbsolutePath()
                  + ": this PostgreSQL database has links or API keys already."
                  + " Remove SHORTENER_IMPORT_SQLITE_DIR once the import is done.");
      return;
    }
    SQLiteFileDataSource source = new SQLiteFileDataSource();
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    SchemaMigrations.flyway(source, Dialect.SQLITE).migrate();
    long began = System.nanoTime();
    Map<String, Long> copied = new LinkedHashMap<>();
    boolean autoCommit = target.getAutoCommit();
    target.setAutoCommit(false);
    try (Connection sqlite = source.getConnection()) {
      try (Statement quiet = target.createStatement()) {
        // A notice per imported link would only tell other servers what none of them holds yet.
        quiet.execute("ALTER TABLE link DISABLE TRIGGER link_notice");
      }
      for (String table : TABLES) {
        copied.put(table, copy(sqlite, target, table));
      }
      for (String table : List.of("link", "tag", "api_key", "agent", "visit")) {
        continueIds(sqlite, target, table);
      }
      try (Statement loud = target.createStatement()) {
        loud.execute("ALTER TABLE link ENABLE TRIGGER link_notice");
      }
      storeSalt(target, folder);
      target.commit();
    } catch (SQLException | RuntimeException e) {
      target.rollback();
      throw e;
    } finally {
      target.setAutoCommit(autoCommit);
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    LOG.info(
        () ->
            "Imported "
                + file.toAbsolutePath()
                + " in "
                + millis
                + " ms, rows by table: "
                + copied
                + ". Remove SHORTENER_IMPORT_SQLITE_DIR; the SQLite files are no longer used.");
  }

  private static boolean hasRows(Connection connection, String table) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet row = query.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
      row.next();
      return row.getBoolean(1);
    }
  }

  /** Copies every row of {@code table}, column by column as PostgreSQL has them. */
  private static long copy(Connection sqlite, Connection target, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    List<Boolean> flags = new ArrayList<>();
    try (PreparedStatement query =
        target.prepareStatement(
            "SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = ?"
                + " ORDER BY ordinal_position")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.add(rows.getString(1));
          flags.add(rows.getString(2).equals("boolean"));
        }
      }
    }
    String names = String.join(", ", columns);
    String marks = String.join(", ", columns.stream().map(any -> "?").toList());
    long count = 0;
    try (Statement read = sqlite.createStatement();
        ResultSet rows = read.executeQuery("SELECT " + names + " FROM " + table);
        PreparedStatement insert =
            target.prepareStatement(
                "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
      while (rows.next()) {
        for (int i = 0; i < columns.size(); i++) {
          Object value = rows.getObject(i + 1);
          if (value != null && flags.get(i)) {
            value = ((Number) value).longValue() != 0;
          }
          insert.setObject(i + 1, value);
        }
        insert.addBatch();
        if (++count % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return count;
  }

  /**
   * Sets {@code table}'s id sequence past every id SQLite ever handed out: its AUTOINCREMENT mark
   * counts deleted rows too, whose codes must never come back.
   */
  private static void continueIds(Connection sqlite, Connection target, String table)
      throws SQLException {
    long highest = 0;
    try (PreparedStatement mark =
        sqlite.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
      mark.setString(1, table);
      try (ResultSet row = mark.executeQuery()) {
        if (row.next()) {
          highest = row.getLong(1);
        }
      }
    }
    try (PreparedStatement next =
        target.prepareStatement(
            "SELECT setval(pg_get_serial_sequence(?, 'id'),"
                + " GREATEST(?, (SELECT COALESCE(MAX(id), 0) FROM "
                + table
                + "), 1))")) {
      next.setString(1, table);
      next.setLong(2, highest);
      next.executeQuery().close();
    }
  }

  /** The data directory's generated salt, if it has one, becomes the database's. */
  private static void storeSalt(Connection target, Path folder) throws SQLException {
    Path saltFile = folder.resolve(DataDirectory.SALT_FILE);
    if (!Files.isRegularFile(saltFile)) {
      return;
    }
    String salt;
    try {
      salt = Files.readString(saltFile).strip();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + saltFile, e);
    }
    StoredSalt.storeIfAbsent(target, salt, Setting.HASHIDS_MIN_LENGTH.intValue());
  }
}
