package dev.shortener.transfer.control;

import java.util.List;

/**
 * A link as the exports write it: every field the admin set, its clicks, and whether it has a
 * password, never the password's hash. Times are epoch milliseconds in UTC; absent values are null.
 */
public record ExportedLink(
    long id,
    long created,
    Long edited,
    String original,
    long clicks,
    String alias,
    String title,
    List<String> tags,
    boolean disabled,
    Long validFrom,
    Long validUntil,
    Long maxVisits,
    String fallbackUrl,
    boolean passwordProtected,
    int redirectType,
    boolean forwardQuery,
    boolean crawlable) {

  /** This link with {@code tags}. */
  public ExportedLink withTags(List<String> tags) {
    return new ExportedLink(
        id,
        created,
        edited,
        original,
        clicks,
        alias,
        title,
        List.copyOf(tags),
        disabled,
        validFrom,
        validUntil,
        maxVisits,
        fallbackUrl,
        passwordProtected,
        redirectType,
        forwardQuery,
        crawlable);
  }
}
