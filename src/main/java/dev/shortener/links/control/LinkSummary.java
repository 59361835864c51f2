package dev.shortener.links.control;

import java.util.List;

/**
 * One line of the admin's list: enough to show a link, its state and its clicks, read with the page
 * in a couple of queries. Times are epoch milliseconds; absent values are null.
 */
public record LinkSummary(
    long id,
    String original,
    String alias,
    String title,
    long clicks,
    long created,
    boolean disabled,
    Long validFrom,
    Long validUntil,
    Long maxVisits,
    boolean passwordProtected,
    List<String> tags) {

  /** This summary with the tags {@code names}. */
  LinkSummary withTags(List<String> names) {
    return new LinkSummary(
        id,
        original,
        alias,
        title,
        clicks,
        created,
        disabled,
        validFrom,
        validUntil,
        maxVisits,
        passwordProtected,
        List.copyOf(names));
  }

  /** What can stop the link at {@code now}, the cap on visits included. */
  public LinkQuery.State state(long now) {
    if (disabled) {
      return LinkQuery.State.DISABLED;
    }
    if (validFrom != null && now < validFrom) {
      return LinkQuery.State.SCHEDULED;
    }
    if ((validUntil != null && now >= validUntil) || (maxVisits != null && clicks >= maxVisits)) {
      return LinkQuery.State.EXPIRED;
    }
    return LinkQuery.State.ACTIVE;
  }
}
