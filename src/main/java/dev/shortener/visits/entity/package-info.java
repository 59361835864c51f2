/**
 * What the statistics show of visits: {@link dev.shortener.visits.entity.VisitKind} (person, bot,
 * link preview), a day's counts ({@link dev.shortener.visits.entity.DayCount}). The schema is
 * Flyway's, in {@code db/migration}.
 */
package dev.shortener.visits.entity;
