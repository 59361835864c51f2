package dev.shortener.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void createsTheFolderForItsOwnerOnly(@TempDir Path parent) throws IOException {
    Path folder = DataDirectory.prepare(parent.resolve("a/b/data"));
    assertEquals("rwx------", permissions(folder));
  }

  @Test
  void closesWhatAnEarlierReleaseLeftOpen(@TempDir Path parent) throws IOException {
    Path folder = Files.createDirectory(parent.resolve("data"));
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path database = Files.writeString(folder.resolve("shortener.db"), "x");
    Files.setPosixFilePermissions(database, PosixFilePermissions.fromString("rw-r--r--"));
    DataDirectory.prepare(folder);
    assertEquals("rwx------", permissions(folder));
    assertEquals("rw-------", permissions(database));
  }

  @Test
  void createsPrivateFilesAndLeavesExistingOnes(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("new.db");
    DataDirectory.createPrivateFile(file);
    assertEquals("rw-------", permissions(file));
    Files.writeString(file, "kept");
    DataDirectory.createPrivateFile(file);
    assertEquals("kept", Files.readString(file));
  }

  @Test
  void writesDurablyAndPrivately(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("salt");
    DataDirectory.writeDurably(file, "one\n");
    DataDirectory.writeDurably(file, "two\n");
    assertEquals("two\n", Files.readString(file));
    assertEquals("rw-------", permissions(file));
  }
}
