package dev.shortener.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {

  private static final Path RELEASE_1 = Path.of("src/test/resources/fixtures/release-1");

  private static long count(DataSource database, String sql) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet row = query.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void aNewDatabaseGetsTheWholeSchema(@TempDir Path folder) throws SQLException {
    DataSource database = TestDatabase.migrated(folder);
    assertEquals(0, count(database, "SELECT COUNT(*) FROM link"));
    assertEquals(0, count(database, "SELECT COUNT(*) FROM tag"));
    assertTrue(
        SchemaMigrations.flyway(database).info().current().getVersion().getVersion().compareTo("2")
            >= 0);
  }

  @Test
  void aFirstReleaseDataDirectoryIsUpgradedInPlaceKeepingEveryLinkAndClick(@TempDir Path folder)
      throws IOException, SQLException {
    Files.copy(RELEASE_1.resolve("shortener.db"), folder.resolve("shortener.db"));
    long urls;
    long clicks;
    DataSource database = TestDatabase.file(folder);
    urls = count(database, "SELECT COUNT(*) FROM url");
    clicks =
        count(
            database,
            "SELECT (SELECT SUM(clicks) FROM url) + (SELECT COALESCE(SUM(clicks), 0) FROM click)");
    SchemaMigrations.flyway(database).migrate();
    assertEquals(urls, count(database, "SELECT COUNT(*) FROM link"));
    assertEquals(
        clicks,
        count(
            database,
            "SELECT (SELECT SUM(clicks) FROM link) + (SELECT COALESCE(SUM(clicks), 0) FROM click)"),
        "the clicks in the column and in the unfolded log");
    assertEquals(
        1, count(database, "SELECT COUNT(*) FROM flyway_schema_history WHERE type = 'BASELINE'"));
    assertEquals(
        urls,
        count(database, "SELECT COUNT(*) FROM link_search WHERE link_search MATCH '\"example\"'"),
        "every link can be searched");
  }

  @Test
  void aSchemaANewerReleaseWroteStopsTheStart(@TempDir Path folder) throws SQLException {
    DataSource database = TestDatabase.migrated(folder);
    try (Connection connection = database.getConnection();
        Statement insert = connection.createStatement()) {
      insert.executeUpdate(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES"
              + " (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, 1)");
    }
    IllegalStateException stop =
        assertThrows(
            IllegalStateException.class,
            () ->
                SchemaMigrations.refuseNewerSchema(
                    SchemaMigrations.flyway(database).info().applied()));
    assertTrue(stop.getMessage().contains("schema version 99"), stop.getMessage());
    assertTrue(stop.getMessage().contains("newer release"), stop.getMessage());
  }

  @Test
  void theMigrationsFolderHoldsOnlyVersionedSqlScripts() throws IOException {
    try (var files = Files.list(Path.of("src/main/resources/db/migration/sqlite"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(
          names.stream().allMatch(n -> n.matches("V\\d+__[a-z0-9_]+\\.sql")), names.toString());
      assertEquals("V1__release_1.sql", names.get(0));
    }
  }
}
