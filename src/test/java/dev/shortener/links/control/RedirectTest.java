package dev.shortener.links.control;

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
    Redirect fine = Redirect.of(row(7, "https://Bücher.example/ä"), list);
    assertEquals(7, fine.id());
    assertEquals("https://xn--bcher-kva.example/%C3%A4", fine.location());
    assertEquals("xn--bcher-kva.example", fine.host());
    assertFalse(fine.blocked());
    assertTrue(Redirect.of(row(8, "https://www.evil.example/"), list).blocked());
    assertTrue(fine.plain(), "no option: the common case");
  }

  @Test
  void isCheckedAgainOnlyWhenTheBlocklistChanged(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("list");
    Files.writeString(file, "one.example\n");
    Blocklist list = Blocklists.reading(file);
    Redirect redirect = Redirect.of(row(1, "https://two.example/"), list);
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

  private static LinkRow row(long id, String url) {
    return new LinkRow(id, url, null, false, null, null, null, null, null, 302, false, false);
  }

  @Test
  void knowsWhenItCanBeFollowed() {
    Blocklist none = new Blocklist();
    Redirect window =
        Redirect.of(
            new LinkRow(
                1,
                "https://example.com/",
                null,
                false,
                1000L,
                2000L,
                null,
                null,
                null,
                302,
                false,
                false),
            none);
    assertFalse(window.plain());
    assertEquals(Redirect.Availability.NOT_YET, window.availability(999));
    assertEquals(Redirect.Availability.ACTIVE, window.availability(1000));
    assertEquals(Redirect.Availability.ACTIVE, window.availability(1999));
    assertEquals(Redirect.Availability.EXPIRED, window.availability(2000));
    Redirect off =
        Redirect.of(
            new LinkRow(
                2,
                "https://example.com/",
                null,
                true,
                null,
                null,
                null,
                null,
                null,
                302,
                false,
                false),
            none);
    assertEquals(Redirect.Availability.DISABLED, off.availability(0));
    assertFalse(off.plain());
  }

  @Test
  void aCapOrAPasswordIsAnOptionToo() {
    Blocklist none = new Blocklist();
    Redirect capped =
        Redirect.of(
            new LinkRow(
                1,
                "https://example.com/",
                null,
                false,
                null,
                null,
                10L,
                null,
                null,
                302,
                false,
                false),
            none);
    assertFalse(capped.plain());
    assertEquals(10, capped.maxVisits());
    Redirect locked =
        Redirect.of(
            new LinkRow(
                2,
                "https://example.com/",
                null,
                false,
                null,
                null,
                null,
                null,
                "hash",
                302,
                false,
                false),
            none);
    assertFalse(locked.plain());
    assertTrue(locked.passwordProtected());
    Redirect fallback =
        Redirect.of(
            new LinkRow(
                3,
                "https://example.com/",
                null,
                false,
                null,
                null,
                null,
                "https://bücher.example/",
                null,
                301,
                true,
                true),
            none);
    assertTrue(fallback.plain(), "a fallback alone stops nothing");
    assertEquals("https://xn--bcher-kva.example/", fallback.fallbackLocation());
    assertEquals(301, fallback.status());
  }
}
