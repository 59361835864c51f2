package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
