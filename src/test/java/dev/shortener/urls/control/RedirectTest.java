package dev.shortener.urls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedirectTest {

  @Test
  void aRedirectCarriesItsLocationAndHost(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("list");
    Files.writeString(file, "evil.example\n");
    Blocklist list = Blocklists.reading(file);
    Redirect fine = Redirect.of(7, "https://Bücher.example/ä", list);
    assertEquals(7, fine.id());
    assertEquals("https://xn--bcher-kva.example/%C3%A4", fine.location());
    assertEquals("xn--bcher-kva.example", fine.host());
    assertFalse(fine.blocked());
    assertTrue(Redirect.of(8, "https://www.evil.example/", list).blocked());
  }

  @Test
  void isCheckedAgainOnlyWhenTheBlocklistChanged(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("list");
    Files.writeString(file, "one.example\n");
    Blocklist list = Blocklists.reading(file);
    Redirect redirect = Redirect.of(1, "https://two.example/", list);
    assertSame(redirect, redirect.checkedBy(list), "same generation: nothing to do");

    Files.writeString(file, "two.example\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    list.reloadIfChanged();
    Redirect checked = redirect.checkedBy(list);
    assertNotSame(redirect, checked);
    assertTrue(checked.blocked());
    assertEquals(list.generation(), checked.checkedAgainst());
    assertEquals(redirect.location(), checked.location());
  }
}
