package dev.shortener.urls.boundary;

import dev.shortener.urls.control.ShortCodes;
import dev.shortener.urls.entity.Url;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Backs {@code /<code>+}: where a short link leads and since when, before anyone follows it, as
 * bit.ly's "+" does. Showing it counts no click; {@link RedirectServlet} has checked that the link
 * exists and is not blocked.
 */
@Named
@RequestScoped
public class Preview {

  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  @Inject UrlService urls;
  @Inject ShortCodes codes;
  @Inject PublicOrigin origin;
  @Inject HttpServletRequest request;

  private Url link;
  private String shortUrl;

  @PostConstruct
  void load() {
    String code = (String) request.getAttribute(RedirectServlet.PREVIEW_CODE);
    long id = codes.decode(code);
    link = urls.find(id).orElseThrow();
    shortUrl = PublicOrigin.linkTo(origin.of(request), code);
  }

  /** The address the link leads to, as it was given. */
  public String getOriginal() {
    return link.getOriginal();
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
