package dev.shortener.links.control;

import java.util.List;

/**
 * What a program asks of the list of links, in the terms of Shlink's {@code GET /short-urls}: a
 * text, tags (any or all of them), a window of creation, whether to leave out links past their cap
 * or their end, an order, and a numbered page. Times are epoch milliseconds; null means no bound.
 */
public record ShortUrlQuery(
    String text,
    List<String> tags,
    boolean allTags,
    Long createdFrom,
    Long createdUntil,
    boolean excludeMaxVisitsReached,
    boolean excludePastValidUntil,
    Order order,
    boolean descending,
    int page,
    int perPage) {

  /** What the list may be ordered by. */
  public enum Order {
    /** By creation, which is the order of ids. */
    DATE_CREATED,
    /** Aliases alphabetically, then generated codes in the order they were made. */
    SHORT_CODE,
    LONG_URL,
    TITLE,
    VISITS
  }
}
