package dev.shortener.visits.entity;

/**
 * What the top values of a day are counted by. The code is what {@code visit_day.tops} stores for
 * it; never renumber one.
 */
public enum Dimension {
  REFERRER(0, "Referrers"),
  BROWSER(1, "Browsers"),
  OS(2, "Operating systems"),
  DEVICE(3, "Devices"),
  COUNTRY(4, "Countries"),
  /** The names of the bots and link previews, apart from the people's browsers. */
  BOT(5, "Bots and link previews"),
  /** The paths of orphan visits. */
  PATH(6, "Paths");

  private final int code;
  private final String heading;

  Dimension(int code, String heading) {
    this.code = code;
    this.heading = heading;
  }

  /** The number stored for this dimension. */
  public int code() {
    return code;
  }

  /** The heading of its table, e.g. "Referrers". */
  public String heading() {
    return heading;
  }

  /** The dimension stored as {@code code}. */
  public static Dimension of(int code) {
    for (Dimension dimension : values()) {
      if (dimension.code == code) {
        return dimension;
      }
    }
    throw new IllegalArgumentException("No dimension " + code);
  }
}
