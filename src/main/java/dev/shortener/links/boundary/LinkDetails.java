package dev.shortener.links.boundary;

import dev.shortener.links.control.LinkValues;
import dev.shortener.links.entity.Link;
import java.time.Instant;
import java.util.List;

/**
 * Everything a program may read of a link, whether it was just made (from its values, without
 * reading it back) or read from the database. Times are epoch milliseconds; absent ones are null.
 */
public record LinkDetails(
    long id,
    String key,
    String original,
    long created,
    long clicks,
    String title,
    List<String> tags,
    Long validFrom,
    Long validUntil,
    Long maxVisits,
    String fallbackUrl,
    boolean passwordProtected,
    int redirectType,
    boolean forwardQuery,
    boolean crawlable,
    boolean disabled) {

  /** A link just stored as {@code values} at {@code created}, with no clicks yet. */
  static LinkDetails of(long id, String key, LinkValues values, long created) {
    return new LinkDetails(
        id,
        key,
        values.original(),
        created,
        0,
        values.title(),
        values.tags(),
        values.validFrom(),
        values.validUntil(),
        values.maxVisits(),
        values.fallbackUrl(),
        values.passwordHash() != null,
        values.redirectType(),
        values.forwardQuery(),
        values.crawlable(),
        values.disabled());
  }

  /** A link as read, shared by {@code key}. */
  static LinkDetails of(Link link, String key) {
    return new LinkDetails(
        link.getId(),
        key,
        link.getOriginal(),
        link.getCreated().toEpochMilli(),
        link.getClicks(),
        link.getTitle().orElse(null),
        link.getTags(),
        link.getValidFrom().map(Instant::toEpochMilli).orElse(null),
        link.getValidUntil().map(Instant::toEpochMilli).orElse(null),
        link.getMaxVisits().orElse(null),
        link.getFallbackUrl().orElse(null),
        link.getPasswordHash().isPresent(),
        link.getRedirectType(),
        link.isForwardQuery(),
        link.isCrawlable(),
        link.isDisabled());
  }
}
