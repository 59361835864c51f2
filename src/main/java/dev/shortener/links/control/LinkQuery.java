package dev.shortener.links.control;

/**
 * Which links the admin's list shows: those matching {@code text} (a code, an alias, a tag, or part
 * of the destination, alias or title; null for all), carrying {@code tag} (null for any), in {@code
 * state}, sorted by {@code sort}, starting after the row {@code after} names (null for the first
 * page), {@code size} at a time.
 */
public record LinkQuery(String text, String tag, State state, Sort sort, String after, int size) {

  /** Which links by what can stop them. */
  public enum State {
    ALL,
    ACTIVE,
    DISABLED,
    EXPIRED,
    SCHEDULED
  }

  /** The order of the list. */
  public enum Sort {
    NEWEST,
    OLDEST,
    MOST_CLICKED,
    LEAST_CLICKED
  }

  /** The first page of every link, newest first. */
  public static LinkQuery newest(int size) {
    return new LinkQuery(null, null, State.ALL, Sort.NEWEST, null, size);
  }
}
