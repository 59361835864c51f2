package dev.shortener.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which database a URL names, and the fragments of SQL that differ between the two. */
class DialectTest {

  @Test
  void theUrlSaysWhichDatabase() {
    assertEquals(Dialect.SQLITE, Dialect.of(null));
    assertEquals(Dialect.SQLITE, Dialect.of(" "));
    assertEquals(Dialect.SQLITE, Dialect.of("jdbc:sqlite:/srv/shortener.db"));
    assertEquals(Dialect.POSTGRESQL, Dialect.of("jdbc:postgresql://db:5432/shortener"));
    IllegalStateException other =
        assertThrows(
            IllegalStateException.class,
            () -> Dialect.of("jdbc:mysql://db/shortener?password=secret"));
    assertTrue(other.getMessage().contains("jdbc:mysql://db/shortener"), other.getMessage());
    assertFalse(
        other.getMessage().contains("secret"), "the query, where a password may be, stays out");
  }

  @Test
  void onlySqliteQueuesItsWritersAndOnlyPostgresqlIsShared() {
    assertTrue(Dialect.SQLITE.singleWriter());
    assertFalse(Dialect.SQLITE.shared());
    assertFalse(Dialect.POSTGRESQL.singleWriter());
    assertTrue(Dialect.POSTGRESQL.shared());
    assertEquals("classpath:db/migration/sqlite", Dialect.SQLITE.migrations());
    assertEquals("classpath:db/migration/postgresql", Dialect.POSTGRESQL.migrations());
  }

  @Test
  void flagsAreWrittenAsEachDatabasesIndexesSayThem() {
    assertEquals("1", Dialect.SQLITE.truth(true));
    assertEquals("0", Dialect.SQLITE.truth(false));
    assertEquals("TRUE", Dialect.POSTGRESQL.truth(true));
    assertEquals("FALSE", Dialect.POSTGRESQL.truth(false));
  }

  @Test
  void postgresqlSearchesTheTextLiterallyInEachColumn() {
    StringBuilder sql = new StringBuilder();
    List<Object> parameters = new ArrayList<>();
    Dialect.POSTGRESQL.textMatch("50%_off\\", sql, parameters);
    assertEquals("(original ILIKE ? OR alias ILIKE ? OR title ILIKE ?)", sql.toString());
    assertEquals(
        List.of("%50\\%\\_off\\\\%", "%50\\%\\_off\\\\%", "%50\\%\\_off\\\\%"), parameters);
  }

  @Test
  void sqliteSearchesTheTextAsOnePhraseOfTheTrigramIndex() {
    StringBuilder sql = new StringBuilder();
    List<Object> parameters = new ArrayList<>();
    Dialect.SQLITE.textMatch("say \"hi\"", sql, parameters);
    assertEquals("id IN (SELECT rowid FROM link_search WHERE link_search MATCH ?)", sql.toString());
    assertEquals(List.of("\"say \"\"hi\"\"\""), parameters);
  }

  @Test
  void postgresqlFoldsTheClicksItDeletesInOneStatement() {
    assertEquals(2, Dialect.SQLITE.foldClicks().size());
    List<String> fold = Dialect.POSTGRESQL.foldClicks();
    assertEquals(1, fold.size());
    assertTrue(fold.get(0).startsWith("WITH moved AS (DELETE FROM click RETURNING"), fold.get(0));
  }
}
