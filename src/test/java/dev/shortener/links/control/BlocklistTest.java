package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlocklistTest {

  @Test
  void readsOneDomainALineWithoutCommentsOrNoise() {
    assertEquals(
        Set.of("evil.example", "xn--bcher-kva.example", "phish.test", "[::1]"),
        Blocklist.parse(
            List.of(
                "# a comment",
                "",
                "  Evil.Example.  # trailing comment",
                "*.phish.test",
                ".phish.test",
                "bücher.example",
                "not a domain",
                "[::1]")));
  }

  @Test
  void blocksADomainAndEverythingUnderItOnly(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("list");
    Files.writeString(file, "evil.example\n");
    Blocklist list = Blocklists.reading(file);
    assertEquals(Optional.of("evil.example"), list.blocking("evil.example"));
    assertEquals(Optional.of("evil.example"), list.blocking("a.b.evil.example"));
    assertEquals(Optional.empty(), list.blocking("notevil.example"));
    assertEquals(Optional.empty(), list.blocking("example"));
  }

  @Test
  void readsTheFileAgainWhenItChanges(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("list");
    Files.writeString(file, "one.example\n");
    Blocklist list = Blocklists.reading(file);
    int first = list.generation();
    list.reloadIfChanged();
    assertEquals(first, list.generation(), "unchanged: not read again");

    Files.writeString(file, "two.example\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    list.reloadIfChanged();
    assertNotEquals(first, list.generation());
    assertTrue(list.blocking("one.example").isEmpty());
    assertTrue(list.blocking("two.example").isPresent());
  }

  @Test
  void aFileThatDisappearsKeepsTheLastList(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("list");
    Files.writeString(file, "evil.example\n");
    Blocklist list = Blocklists.reading(file);
    Files.delete(file);
    list.reloadIfChanged();
    assertTrue(list.blocking("evil.example").isPresent());
  }

  @Test
  void withoutAFileNothingIsBlocked() {
    Blocklist list = new Blocklist();
    list.reloadIfChanged();
    assertTrue(list.blocking("evil.example").isEmpty());
    assertEquals(0, list.generation());
  }

  @Test
  void aChangeOfSizeAloneIsAChange(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("list");
    Files.writeString(file, "one.example\n");
    FileTime time = Files.getLastModifiedTime(file);
    Blocklist list = Blocklists.reading(file);
    Files.writeString(file, "one.example\ntwo.example\n");
    Files.setLastModifiedTime(file, time);
    list.reloadIfChanged();
    assertTrue(list.blocking("two.example").isPresent());
  }

  @Test
  void aTopLevelDomainBlocksEverythingUnderIt(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("list");
    Files.writeString(file, "zip\n");
    Blocklist list = Blocklists.reading(file);
    assertEquals(Optional.of("zip"), list.blocking("a.b.zip"));
    assertEquals(Optional.of("zip"), list.blocking("zip"));
    assertEquals(Optional.empty(), list.blocking("zip.example"));
  }

  @Test
  void aFileThatComesBackIsReadAgain(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("list");
    Files.writeString(file, "one.example\n");
    Blocklist list = Blocklists.reading(file);
    Files.delete(file);
    list.reloadIfChanged();
    Files.writeString(file, "one.example\n");
    list.reloadIfChanged();
    assertEquals(2, list.generation(), "read again, although it holds the same as before");
  }
}
