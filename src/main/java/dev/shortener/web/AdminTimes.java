package dev.shortener.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the admin reads and types them: in {@code SHORTENER_TIME_ZONE}, stored in UTC. The input
 * form matches an HTML {@code datetime-local} field and what {@code LinkRules} parses.
 */
public final class AdminTimes {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter INPUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ROOT);

  private final ZoneId zone;

  public AdminTimes(ZoneId zone) {
    this.zone = zone;
  }

  /** "2026-12-31 23:59", or "" for none. */
  public String shown(Long epochMillis) {
    return epochMillis == null ? "" : SHOWN.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  /** "2026-12-31T23:59" for a datetime-local field, or "" for none. */
  public String input(Long epochMillis) {
    return epochMillis == null ? "" : INPUT.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  /** The zone's name, e.g. "Europe/Berlin". */
  public String zoneName() {
    return zone.getId();
  }
}
