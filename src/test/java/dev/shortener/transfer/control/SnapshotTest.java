package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {

  @TempDir Path folder;

  @Test
  void theCopyHoldsWhatWasCommittedAndIsPrivate() throws Exception {
    Path live = Files.createDirectory(folder.resolve("live"));
    DataSource database = TestDatabase.migrated(live);
    Path copy;
    try (Connection writer = database.getConnection();
        Statement sql = writer.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO link (id, created, original) VALUES (41, 1, 'https://example.com/kept')");
      try (Connection reader = database.getConnection()) {
        copy = Snapshot.copy(reader, live);
      }
      sql.executeUpdate(
          "INSERT INTO link (id, created, original) VALUES (42, 2, 'https://example.com/later')");
    }
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
    Path restored = Files.createDirectory(folder.resolve("restored"));
    Files.move(copy, restored.resolve("shortener.db"));
    try (Connection connection = TestDatabase.file(restored).getConnection();
        Statement sql = connection.createStatement();
        ResultSet links = sql.executeQuery("SELECT id, original FROM link")) {
      assertTrue(links.next());
      assertEquals(41, links.getLong(1));
      assertEquals("https://example.com/kept", links.getString(2));
      assertFalse(links.next(), "a later write is not in the copy");
    }
  }

  @Test
  void aCopyThatFailsLeavesNoFile() throws SQLException, IOException {
    Path live = Files.createDirectory(folder.resolve("live"));
    DataSource database = TestDatabase.migrated(live);
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      org.junit.jupiter.api.Assertions.assertThrows(
          SQLException.class, () -> Snapshot.copy(connection, live), "VACUUM in a transaction");
      connection.rollback();
    }
    try (var files = Files.list(live)) {
      assertTrue(files.noneMatch(file -> file.getFileName().toString().startsWith("backup-")));
    }
  }

  @Test
  void theZipHoldsTheDatabaseTheSaltAndTheMinimumLength() throws IOException {
    Path copy = Files.writeString(folder.resolve("copy.db"), "database bytes");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Snapshot.zip(copy, "the salt", 6, Instant.parse("2026-12-02T19:00:00Z"), out);
    Map<String, String> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    assertEquals(
        java.util.List.of("shortener.db", "hashids-salt", "backup.properties"),
        java.util.List.copyOf(entries.keySet()));
    assertEquals("database bytes", entries.get("shortener.db"));
    assertEquals("the salt\n", entries.get("hashids-salt"));
    String settings = entries.get("backup.properties");
    assertTrue(settings.contains("taken 2026-12-02T19:00:00Z"), settings);
    assertTrue(settings.endsWith("\nSHORTENER_HASHIDS_MIN_LENGTH=6\n"), settings);
  }
}
