package dev.shortener.visits.entity;

import java.time.LocalDate;

/**
 * One day's visits of a link (or of every link): people, bots and link previews apart, and the
 * people's unique visitors.
 */
public record DayCount(LocalDate day, long people, long bots, long previews, long uniques) {

  /** Every visit of the day, whoever made it. */
  public long total() {
    return people + bots + previews;
  }
}
