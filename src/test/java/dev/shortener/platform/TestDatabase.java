package dev.shortener.platform;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * A real SQLite file for unit tests of the SQL, with this release's schema applied by the same
 * Flyway migrations as at start: no mock stands in for the database.
 */
public final class TestDatabase {

  private TestDatabase() {}

  /** A data source on a new {@code shortener.db} in {@code folder}, migrated. */
  public static DataSource migrated(Path folder) {
    DataSource database = file(folder);
    SchemaMigrations.flyway(database).migrate();
    return database;
  }

  /** A data source on {@code shortener.db} in {@code folder}, as it is. */
  public static DataSource file(Path folder) {
    SQLiteFileDataSource database = new SQLiteFileDataSource();
    database.setUrl("jdbc:sqlite:" + folder.resolve("shortener.db"));
    return database;
  }
}
