package dev.shortener.links.boundary;

import dev.shortener.links.entity.Link;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Backs {@code /<key>+}: where a short link leads and since when, before anyone follows it, as
 * bit.ly's "+" does. Showing it counts no click; {@link RedirectServlet} has checked that the link
 * exists and is not blocked. A password-protected link keeps its destination to itself.
 */
@Named
@RequestScoped
public class Preview {

  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  @Inject LinkService links;
  @Inject PublicOrigin origin;
  @Inject HttpServletRequest request;

  private Link link;
  private String shortUrl;

  @PostConstruct
  void load() {
    String key = (String) request.getAttribute(RedirectServlet.KEY);
    link = links.find(key).orElseThrow();
    shortUrl = PublicOrigin.linkTo(origin.of(request), key);
  }

  /** The address the link leads to, as it was given. */
  public String getOriginal() {
    return link.getOriginal();
  }

  /** The link's title, or null. */
  public String getTitle() {
    return link.getTitle().orElse(null);
  }

  /** Whether the destination is behind a password, and so not shown. */
  public boolean isLocked() {
    return link.getPasswordHash().isPresent();
  }

  /** The short link itself, which the button follows. */
  public String getShortUrl() {
    return shortUrl;
  }

  /** When the link was made, e.g. "1 December 2026" (UTC). */
  public String getCreated() {
    return CREATED.format(link.getCreated());
  }
}
