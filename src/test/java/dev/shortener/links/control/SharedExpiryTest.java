package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How long a server on a shared database believes what its redirect cache holds. */
class SharedExpiryTest {

  private final RedirectCache.SharedExpiry expiry = new RedirectCache.SharedExpiry();
  private final Optional<Redirect> link =
      Optional.of(
          new Redirect(
              1,
              "https://example.com/",
              "example.com",
              0,
              false,
              302,
              false,
              false,
              false,
              0,
              0,
              0,
              null,
              null,
              false));

  @Test
  void aLinkUntilTheRecheckItsAbsenceForSeconds() {
    assertEquals(Long.MAX_VALUE, expiry.expireAfterCreate("a", link, 0), "no time limit");
    assertEquals(TimeUnit.SECONDS.toNanos(2), expiry.expireAfterCreate("b", Optional.empty(), 0));
    assertEquals(Long.MAX_VALUE, expiry.expireAfterUpdate("a", link, 0, 7));
    assertEquals(
        TimeUnit.SECONDS.toNanos(2), expiry.expireAfterUpdate("b", Optional.empty(), 0, 7));
    assertEquals(7, expiry.expireAfterRead("a", link, 0, 7), "a visit does not extend it");
  }
}
