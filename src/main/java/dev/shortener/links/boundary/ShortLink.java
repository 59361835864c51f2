package dev.shortener.links.boundary;

import java.net.URI;

/** A link just created: its code, the absolute short URL to share, and where it leads. */
public final class ShortLink {

  private final String code;
  private final String shortUrl;
  private final String original;

  /** The link {@code code} on {@code origin}, leading to {@code original}. */
  public ShortLink(URI origin, String code, String original) {
    this.code = code;
    this.shortUrl = PublicOrigin.linkTo(origin, code);
    this.original = original;
  }

  public String getCode() {
    return code;
  }

  public String getShortUrl() {
    return shortUrl;
  }

  public String getOriginal() {
    return original;
  }
}
