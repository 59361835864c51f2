package dev.shortener.api;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as Shlink writes and reads them: written as {@code 2026-12-01T10:00:00+01:00} (seconds, a
 * numeric offset, never {@code Z}); read from an ISO 8601 date and time with an offset or {@code
 * Z}, with or without fractions, a date and time without an offset (in the server's zone), or a
 * plain date.
 */
public final class ApiDates {

  private static final DateTimeFormatter WRITTEN =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

  private ApiDates() {}

  /** {@code epochMillis} in {@code zone}, as Shlink writes dates. */
  public static String format(long epochMillis, ZoneId zone) {
    return WRITTEN.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
  }

  /** The instant {@code text} names, read in {@code zone} when it has no offset. */
  public static Instant parse(String text, ZoneId zone) throws DateTimeException {
    String value = text.strip();
    if (value.length() == 10) {
      return LocalDate.parse(value).atStartOfDay(zone).toInstant();
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException noOffset) {
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    }
  }
}
