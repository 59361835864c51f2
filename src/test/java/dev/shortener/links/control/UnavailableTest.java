package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.Setting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnavailableTest {

  private final Unavailable unavailable = new Unavailable();

  UnavailableTest() {
    Destinations destinations = new Destinations();
    destinations.codes = new ShortCodes("salt", 4);
    destinations.blocklist = new Blocklist();
    unavailable.destinations = destinations;
  }

  @AfterEach
  void clear() {
    System.clearProperty(Setting.EXPIRED_URL.systemProperty());
  }

  private static Redirect link(String fallback) {
    return Redirect.of(
        new LinkRow(
            1,
            "https://example.com/",
            null,
            true,
            null,
            null,
            null,
            fallback,
            null,
            302,
            false,
            false),
        new Blocklist());
  }

  @Test
  void eachStateHasItsMessage() {
    assertEquals(
        "This link has been disabled.", Unavailable.message(Redirect.Availability.DISABLED));
    assertEquals(
        "This link is not active yet.", Unavailable.message(Redirect.Availability.NOT_YET));
    assertEquals("This link has expired.", Unavailable.message(Redirect.Availability.EXPIRED));
  }

  @Test
  void theLinksOwnFallbackGoesBeforeTheSitesAndWithoutEitherThereIsNone() {
    unavailable.load();
    assertNull(unavailable.fallback(link(null)));
    System.setProperty(Setting.EXPIRED_URL.systemProperty(), "https://example.com/over");
    unavailable.load();
    assertEquals("https://example.com/over", unavailable.fallback(link(null)));
    assertEquals("https://example.com/own", unavailable.fallback(link("https://example.com/own")));
  }

  @Test
  void aSiteFallbackThatIsNoDestinationStopsTheStart() {
    System.setProperty(Setting.EXPIRED_URL.systemProperty(), "ftp://example.com/");
    IllegalStateException refused = assertThrows(IllegalStateException.class, unavailable::load);
    assertTrue(refused.getMessage().startsWith("SHORTENER_EXPIRED_URL is not a valid destination"));
  }
}
