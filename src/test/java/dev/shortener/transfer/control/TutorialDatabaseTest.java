package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TutorialDatabaseTest {

  @TempDir Path folder;

  private Path tutorial(String... inserts) throws SQLException {
    Path file = folder.resolve("database.db");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = db.createStatement()) {
      sql.execute(TutorialTable.DDL);
      for (String insert : inserts) {
        sql.execute(insert);
      }
    }
    return file;
  }

  @Test
  void theRowsComeInIdOrderABatchAtATimeWithTheirIds() throws SQLException {
    Path file =
        tutorial(
            "INSERT INTO \"Url\" VALUES (7, 1620097321000, 'https://example.com/7', 3)",
            "INSERT INTO \"Url\" VALUES (2, '2021-05-04 03:02:01', 'https://example.com/2', 0)",
            "INSERT INTO \"Url\" VALUES (5, '2021-05-04T03:02:01.500Z', 'https://example.com/5', 1)");
    try (TutorialDatabase db = TutorialDatabase.open(file)) {
      assertEquals(3, db.count());
      List<ImportRow> first = db.after(0, 2);
      assertEquals(List.of(2L, 5L), first.stream().map(ImportRow::id).toList());
      assertEquals("https://example.com/2", first.get(0).value(ImportField.DESTINATION));
      List<ImportRow> rest = db.after(5, 2);
      assertEquals(1, rest.size());
      assertEquals("3", rest.get(0).value(ImportField.CLICKS));
      assertEquals(List.of(), db.after(7, 2));
    }
  }

  @Test
  void everyFormOfTheCreationDateBecomesEpochMilliseconds() {
    long when = Instant.parse("2021-05-04T03:02:01Z").toEpochMilli();
    assertEquals(Long.toString(when), TutorialDatabase.created(when));
    assertEquals(Long.toString(when), TutorialDatabase.created("2021-05-04 03:02:01"));
    assertEquals(Long.toString(when + 250), TutorialDatabase.created("2021-05-04 03:02:01.250"));
    assertEquals(Long.toString(when), TutorialDatabase.created("2021-05-04T03:02:01"));
    assertEquals(Long.toString(when), TutorialDatabase.created("2021-05-04T05:02:01+02:00"));
    assertEquals("yesterday", TutorialDatabase.created("yesterday"), "left for the check");
    assertEquals("", TutorialDatabase.created(null));
  }

  @Test
  void aDatabaseWithoutTheTutorialsTableIsRefused() throws Exception {
    Path other = folder.resolve("other.db");
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement sql = db.createStatement()) {
      sql.execute("CREATE TABLE links (id INTEGER, url TEXT)");
    }
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> TutorialDatabase.open(other));
    assertTrue(refused.getMessage().contains("database.db"), refused.getMessage());

    Path garbage = folder.resolve("garbage.db");
    Files.writeString(garbage, "SQLite format 3\0 but nothing else");
    assertThrows(IllegalArgumentException.class, () -> TutorialDatabase.open(garbage));
  }

  @Test
  void theFileIsOnlyRead() throws Exception {
    Path file = tutorial("INSERT INTO \"Url\" VALUES (1, 0, 'https://example.com/1', 0)");
    byte[] before = Files.readAllBytes(file);
    try (TutorialDatabase db = TutorialDatabase.open(file)) {
      db.after(0, 10);
    }
    assertTrue(Arrays.equals(before, Files.readAllBytes(file)), "unchanged");
  }
}
