package dev.shortener.links.control;

import java.util.List;

/**
 * Everything a link is, checked: what {@link LinkRules} makes of a {@link LinkForm}, and what
 * {@link LinkStore} writes. Times are epoch milliseconds in UTC; absent optional values are null.
 */
public record LinkValues(
    String original,
    String alias,
    String title,
    List<String> tags,
    Long validFrom,
    Long validUntil,
    Long maxVisits,
    String fallbackUrl,
    String passwordHash,
    int redirectType,
    boolean forwardQuery,
    boolean crawlable,
    boolean disabled) {

  /** The redirect status of a new link. */
  public static final int DEFAULT_REDIRECT_TYPE = 302;

  /** A new link to {@code original} with every option at its default. */
  public static LinkValues defaults(String original) {
    return new LinkValues(
        original,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        DEFAULT_REDIRECT_TYPE,
        false,
        false,
        false);
  }
}
