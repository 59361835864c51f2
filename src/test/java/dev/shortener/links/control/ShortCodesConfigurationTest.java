package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortCodesConfigurationTest {

  @Test
  void generatesASaltOnceAndReadsTheSameOneBack(@TempDir Path folder) throws IOException {
    Path file = folder.resolve(ShortCodesConfiguration.SALT_FILE);
    String salt = ShortCodesConfiguration.readOrCreate(file);
    assertTrue(salt.matches("[A-Za-z0-9_-]{32}"), salt);
    assertEquals(salt + "\n", Files.readString(file));
    assertEquals(salt, ShortCodesConfiguration.readOrCreate(file), "read back unchanged");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (var left = Files.list(folder)) {
      assertEquals(1, left.count(), "no temporary file left behind");
    }
  }

  @Test
  void aSaltWrittenByHandIsTakenAsItIs(@TempDir Path folder) throws IOException {
    Path file = folder.resolve(ShortCodesConfiguration.SALT_FILE);
    Files.writeString(file, "  this should be a secret random string \n");
    assertEquals(
        "this should be a secret random string", ShortCodesConfiguration.readOrCreate(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n", "\n\n"})
  void anEmptySaltFileStopsTheStart(String content, @TempDir Path folder) throws IOException {
    Path file = folder.resolve(ShortCodesConfiguration.SALT_FILE);
    Files.writeString(file, content);
    IllegalStateException stop =
        assertThrows(IllegalStateException.class, () -> ShortCodesConfiguration.readOrCreate(file));
    assertTrue(stop.getMessage().contains("is empty"), stop.getMessage());
    assertTrue(stop.getMessage().contains(file.toString()), stop.getMessage());
    assertEquals(content, Files.readString(file), "left as it was, for the operator to restore");
  }

  @ParameterizedTest
  @ValueSource(strings = {"one\ntwo\n", "salt\u0000x", "tab\tinside"})
  void aMalformedSaltFileStopsTheStart(String content, @TempDir Path folder) throws IOException {
    Path file = folder.resolve(ShortCodesConfiguration.SALT_FILE);
    Files.writeString(file, content);
    IllegalStateException stop =
        assertThrows(IllegalStateException.class, () -> ShortCodesConfiguration.readOrCreate(file));
    assertTrue(stop.getMessage().contains("more than one line"), stop.getMessage());
  }

  /** A database with the short_codes table PostgreSQL's migration V4 makes. */
  private static Connection codesTable(Path folder) throws SQLException {
    Connection connection =
        DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("codes.db"));
    try (Statement create = connection.createStatement()) {
      create.execute(
          "CREATE TABLE short_codes (id INTEGER PRIMARY KEY CHECK (id = 1), salt TEXT NOT NULL,"
              + " min_length INTEGER NOT NULL)");
    }
    return connection;
  }

  @Test
  void onASharedDatabaseTheFirstServersSaltAndLengthAreEveryServers(@TempDir Path folder)
      throws SQLException {
    try (Connection database = codesTable(folder)) {
      ShortCodes first = ShortCodesConfiguration.stored(database, Optional.of("first-salt"), 6);
      assertEquals(new ShortCodes("first-salt", 6).encode(42), first.encode(42));
      ShortCodes unset = ShortCodesConfiguration.stored(database, Optional.empty(), 6);
      assertEquals(first.encode(42), unset.encode(42), "no salt set: the stored one");
      IllegalStateException otherSalt =
          assertThrows(
              IllegalStateException.class,
              () -> ShortCodesConfiguration.stored(database, Optional.of("other-salt"), 6));
      assertTrue(otherSalt.getMessage().contains("SHORTENER_HASHIDS_SALT"), otherSalt.getMessage());
      assertFalse(otherSalt.getMessage().contains("first-salt"), "the stored salt stays secret");
      IllegalStateException otherLength =
          assertThrows(
              IllegalStateException.class,
              () -> ShortCodesConfiguration.stored(database, Optional.of("first-salt"), 4));
      assertTrue(
          otherLength.getMessage().contains("is 4, but this database's links were made with 6"),
          otherLength.getMessage());
    }
  }

  @Test
  void withoutASaltTheFirstServerStoresANewOne(@TempDir Path folder) throws SQLException {
    try (Connection database = codesTable(folder)) {
      ShortCodes made = ShortCodesConfiguration.stored(database, Optional.empty(), 4);
      String stored;
      try (Statement query = database.createStatement();
          ResultSet row = query.executeQuery("SELECT salt FROM short_codes")) {
        row.next();
        stored = row.getString(1);
      }
      assertTrue(stored.matches("[A-Za-z0-9_-]{32}"), stored);
      assertEquals(new ShortCodes(stored, 4).encode(7), made.encode(7));
    }
  }
}
