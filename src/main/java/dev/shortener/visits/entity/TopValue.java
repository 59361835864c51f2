package dev.shortener.visits.entity;

/**
 * A value of a dimension and its visits in a period, e.g. the referrer "news.ycombinator.com" with
 * 120. {@link #other} sums the values beyond the shown ones; {@link #none} is visits that had no
 * value (no referrer, an unknown browser or country).
 */
public record TopValue(String value, long visits, boolean other, boolean none) {}
