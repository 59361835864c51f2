package dev.shortener.links.control;

import dev.shortener.platform.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where a link that cannot be followed (disabled, not active yet, expired) sends its visitor: to
 * its own fallback URL, else to the site's ({@code SHORTENER_EXPIRED_URL}), else nowhere, and the
 * visitor sees a page that says why. The site's fallback is checked like any destination at start;
 * a refused one stops the start.
 */
@ApplicationScoped
public class Unavailable {

  @Inject Destinations destinations;

  private String siteFallback;

  @PostConstruct
  void load() {
    String configured = Setting.EXPIRED_URL.value().orElse(null);
    if (configured == null) {
      return;
    }
    try {
      siteFallback = destinations.check(configured, null).location();
    } catch (InvalidUrlException refused) {
      throw new IllegalStateException(
          Setting.EXPIRED_URL.environmentVariable()
              + " is not a valid destination: "
              + refused.getMessage());
    }
  }

  /** The Location to send {@code redirect}'s visitor to, or null for the page. */
  public String fallback(Redirect redirect) {
    return redirect.fallbackLocation() != null ? redirect.fallbackLocation() : siteFallback;
  }

  /** What the page says for {@code availability}. */
  public static String message(Redirect.Availability availability) {
    return switch (availability) {
      case DISABLED -> "This link has been disabled.";
      case NOT_YET -> "This link is not active yet.";
      default -> "This link has expired.";
    };
  }
}
