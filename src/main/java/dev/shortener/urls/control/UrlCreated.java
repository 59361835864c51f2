package dev.shortener.urls.control;

/**
 * Fired by {@link dev.shortener.urls.boundary.UrlService} inside the creating transaction;
 * observers that care only about committed links listen {@code during = AFTER_SUCCESS}.
 */
public final class UrlCreated {

  private final long id;
  private final String original;

  /** A link {@code id} pointing to {@code original} was stored. */
  public UrlCreated(long id, String original) {
    this.id = id;
    this.original = original;
  }

  public long id() {
    return id;
  }

  public String original() {
    return original;
  }
}
