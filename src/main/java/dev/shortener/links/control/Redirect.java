package dev.shortener.links.control;

/**
 * What answering one short link takes, read once and kept in {@link RedirectCache}: the link's id
 * (to count the click), its {@code Location} (already in header form) and status, and what can stop
 * it: the blocklist (as of generation {@code checkedAgainst}), the switch, the window of validity,
 * the cap on visits, a password. Times are epoch milliseconds, 0 for none; {@code maxVisits} 0 for
 * no cap; {@code passwordHash} and {@code fallbackLocation} null for none.
 *
 * <p>{@link #plain} is true for a link with none of those options, the common case, which the
 * redirect answers after a single field read.
 */
public record Redirect(
    long id,
    String location,
    String host,
    int checkedAgainst,
    boolean blocked,
    int status,
    boolean forwardQuery,
    boolean crawlable,
    boolean disabled,
    long validFrom,
    long validUntil,
    long maxVisits,
    String fallbackLocation,
    String passwordHash,
    boolean plain) {

  /** Whether a link can be followed now. */
  public enum Availability {
    ACTIVE,
    DISABLED,
    NOT_YET,
    EXPIRED
  }

  /** The redirect of link {@code row}, checked against {@code list}. */
  static Redirect of(LinkRow row, Blocklist list) {
    int generation = list.generation();
    String host = UrlRules.hostOf(row.original());
    String fallback = row.fallbackUrl() == null ? null : UrlRules.toLocation(row.fallbackUrl());
    long validFrom = row.validFrom() == null ? 0 : row.validFrom();
    long validUntil = row.validUntil() == null ? 0 : row.validUntil();
    long maxVisits = row.maxVisits() == null ? 0 : row.maxVisits();
    boolean plain =
        !row.disabled()
            && validFrom == 0
            && validUntil == 0
            && maxVisits == 0
            && row.passwordHash() == null;
    return new Redirect(
        row.id(),
        UrlRules.toLocation(row.original()),
        host,
        generation,
        list.blocking(host).isPresent(),
        row.redirectType(),
        row.forwardQuery(),
        row.crawlable(),
        row.disabled(),
        validFrom,
        validUntil,
        maxVisits,
        fallback,
        row.passwordHash(),
        plain);
  }

  /** This redirect, checked again if the blocklist changed since. */
  Redirect checkedBy(Blocklist list) {
    int generation = list.generation();
    if (generation == checkedAgainst) {
      return this;
    }
    return new Redirect(
        id,
        location,
        host,
        generation,
        list.blocking(host).isPresent(),
        status,
        forwardQuery,
        crawlable,
        disabled,
        validFrom,
        validUntil,
        maxVisits,
        fallbackLocation,
        passwordHash,
        plain);
  }

  /** Whether the link can be followed at {@code now}, leaving its cap on visits aside. */
  public Availability availability(long now) {
    if (disabled) {
      return Availability.DISABLED;
    }
    if (validFrom != 0 && now < validFrom) {
      return Availability.NOT_YET;
    }
    if (validUntil != 0 && now >= validUntil) {
      return Availability.EXPIRED;
    }
    return Availability.ACTIVE;
  }

  public boolean passwordProtected() {
    return passwordHash != null;
  }
}
