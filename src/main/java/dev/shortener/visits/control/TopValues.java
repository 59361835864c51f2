package dev.shortener.visits.control;

import dev.shortener.visits.entity.Dimension;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A day's top values of a link, by dimension, as {@code visit_day.tops} stores them: one line per
 * value ({@code <dimension code> TAB <value> TAB <visits>}), the first {@code limit} values of each
 * dimension, and the visits of later values under the empty value, "other".
 *
 * <p>Packed into the day's row rather than a row per value: under visits spread over many links,
 * each visit would otherwise add five rows, and the flush measured 13 to 40 µs per row.
 */
final class TopValues {

  private final Map<Dimension, Map<String, Long>> values = new EnumMap<>(Dimension.class);

  /** The values stored as {@code packed}; null or empty is none. */
  static TopValues parse(String packed) {
    TopValues tops = new TopValues();
    if (packed == null || packed.isEmpty()) {
      return tops;
    }
    int start = 0;
    while (start < packed.length()) {
      int end = packed.indexOf('\n', start);
      if (end < 0) {
        end = packed.length();
      }
      int first = packed.indexOf('\t', start);
      int second = packed.indexOf('\t', first + 1);
      if (first > start && second > first && second < end) {
        tops.values
            .computeIfAbsent(
                Dimension.of(Integer.parseInt(packed.substring(start, first))),
                d -> new LinkedHashMap<>())
            .merge(
                packed.substring(first + 1, second),
                Long.parseLong(packed.substring(second + 1, end)),
                Long::sum);
      }
      start = end + 1;
    }
    return tops;
  }

  /**
   * Adds {@code visits} to {@code value}: to its own line if the dimension has it or has fewer than
   * {@code limit} values, else to "other".
   */
  void add(Dimension dimension, String value, long visits, int limit) {
    Map<String, Long> counts = values.computeIfAbsent(dimension, d -> new LinkedHashMap<>());
    String kept = clean(value);
    if (!counts.containsKey(kept)) {
      long distinct = counts.size() - (counts.containsKey(VisitWriter.OTHER) ? 1 : 0);
      if (distinct >= limit) {
        kept = VisitWriter.OTHER;
      }
    }
    counts.merge(kept, visits, Long::sum);
  }

  /** Adds every value of {@code other}, each under the same limit. */
  void addAll(TopValues other, int limit) {
    other.values.forEach(
        (dimension, counts) ->
            counts.forEach((value, visits) -> add(dimension, value, visits, limit)));
  }

  /** The visits of each value of {@code dimension}, in the order they came. */
  Map<String, Long> of(Dimension dimension) {
    return values.getOrDefault(dimension, Map.of());
  }

  /** Every dimension with values. */
  Iterable<Dimension> dimensions() {
    return values.keySet();
  }

  /** The stored form; null when there are no values. */
  String pack() {
    StringBuilder packed = new StringBuilder();
    values.forEach(
        (dimension, counts) ->
            counts.forEach(
                (value, visits) ->
                    packed
                        .append(dimension.code())
                        .append('\t')
                        .append(value)
                        .append('\t')
                        .append(visits)
                        .append('\n')));
    return packed.length() == 0 ? null : packed.toString();
  }

  /** Tabs and line ends would break the packing; the other whitespace is as good. */
  private static String clean(String value) {
    if (value.indexOf('\t') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
      return value;
    }
    return value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
