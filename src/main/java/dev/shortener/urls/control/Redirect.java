package dev.shortener.urls.control;

/**
 * What answering one short link takes: the link's id, to count the click, and its {@code Location}
 * (already in {@code Location} header form); and whether its host is blocked, as decided by the
 * {@link Blocklist} of generation {@code checkedAgainst}.
 */
public record Redirect(long id, String location, String host, int checkedAgainst, boolean blocked) {

  /** The redirect of link {@code id} to the stored {@code url}, checked against {@code list}. */
  static Redirect of(long id, String url, Blocklist list) {
    int generation = list.generation();
    String host = UrlRules.hostOf(url);
    return new Redirect(
        id, UrlRules.toLocation(url), host, generation, list.blocking(host).isPresent());
  }

  /** This redirect, checked again if the blocklist changed since. */
  Redirect checkedBy(Blocklist list) {
    int generation = list.generation();
    if (generation == checkedAgainst) {
      return this;
    }
    return new Redirect(id, location, host, generation, list.blocking(host).isPresent());
  }
}
