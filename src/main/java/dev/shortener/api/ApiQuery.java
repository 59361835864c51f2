package dev.shortener.api;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of one API call, read as Shlink reads them. A wrong value is noted and read
 * as its fallback, so that {@link #check()} can refuse the call once, naming every wrong parameter.
 */
public final class ApiQuery {

  private final MultivaluedMap<String, String> query;
  private final ZoneId zone;
  private final Map<String, String> wrong = new LinkedHashMap<>();

  /** The parameters {@code query}, dates without an offset read in {@code zone}. */
  public ApiQuery(MultivaluedMap<String, String> query, ZoneId zone) {
    this.query = query;
    this.zone = zone;
  }

  /** The first value of {@code name}; null when absent. */
  public String text(String name) {
    return query.getFirst(name);
  }

  /** Every value of {@code name}; empty when absent. */
  public List<String> all(String name) {
    List<String> values = query.get(name);
    return values == null ? List.of() : values;
  }

  /** A parameter that is there, other than {@code false}, counts as true, as in Shlink. */
  public boolean flag(String name) {
    String value = query.getFirst(name);
    return value != null && !value.equalsIgnoreCase("false");
  }

  /** {@code page}, counted from 1: below 1 reads as 1. */
  public int page() {
    return Math.max(1, whole("page", 1));
  }

  /** {@code itemsPerPage}: {@code fallback} when absent, {@code most} when not in 1 to most. */
  public int perPage(int fallback, int most) {
    int perPage = whole("itemsPerPage", fallback);
    return perPage <= 0 || perPage > most ? most : perPage;
  }

  /** The whole number {@code name}; {@code fallback} when absent or wrong. */
  public int whole(String name, int fallback) {
    String value = query.getFirst(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException notANumber) {
      wrong.put(name, name + " must be a whole number.");
      return fallback;
    }
  }

  /** The instant {@code name} names ({@link ApiDates#parse}); null when absent or wrong. */
  public Instant date(String name) {
    String value = query.getFirst(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return ApiDates.parse(value, zone);
    } catch (DateTimeException notADate) {
      wrong.put(name, name + " must be a date such as 2026-12-01 or 2026-12-01T10:00:00+01:00.");
      return null;
    }
  }

  /** Notes that {@code name} is wrong, as {@code message} says. */
  public void refuse(String name, String message) {
    wrong.put(name, message);
  }

  /**
   * Refuses the call when any parameter read so far was wrong.
   *
   * @throws ApiProblem the refusal, naming each wrong parameter
   */
  public void check() {
    if (!wrong.isEmpty()) {
      throw ApiProblem.invalid(wrong);
    }
  }
}
