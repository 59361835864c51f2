package dev.shortener.urls.control;

/**
 * What answering one short link takes: the link's id, to count the click, and its {@code Location}.
 */
public final class Redirect {

  private final long id;
  private final String location;

  /** Link {@code id}, redirecting to {@code location} (already in {@code Location} header form). */
  public Redirect(long id, String location) {
    this.id = id;
    this.location = location;
  }

  public long id() {
    return id;
  }

  public String location() {
    return location;
  }
}
