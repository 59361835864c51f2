package dev.shortener.visits.control;

import dev.shortener.visits.entity.DayCount;
import dev.shortener.visits.entity.Dimension;
import dev.shortener.visits.entity.TopValue;
import dev.shortener.visits.entity.Visit;
import dev.shortener.visits.entity.VisitKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the statistics: the daily counts and top values of a period (at most a few thousand
 * aggregate rows, whatever the traffic: no query here counts single visits), and pages of single
 * visits by keyset. The same SQL on SQLite and PostgreSQL.
 */
public final class VisitStats {

  /** The "link" whose aggregates hold every link together. */
  public static final long ALL_LINKS = 0;

  /** The "link" whose aggregates hold the orphan visits. */
  public static final long ORPHANS = VisitRecord.ORPHAN;

  private VisitStats() {}

  /** Every day from {@code from} to {@code to}, both included, with zeros where none were. */
  public static List<DayCount> days(Connection connection, long link, LocalDate from, LocalDate to)
      throws SQLException {
    Map<Long, DayCount> stored = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT day, people, bots, previews, uniques FROM visit_day"
                + " WHERE link_id = ? AND day BETWEEN ? AND ?")) {
      query.setLong(1, link);
      query.setLong(2, from.toEpochDay());
      query.setLong(3, to.toEpochDay());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long day = rows.getLong(1);
          stored.put(
              day,
              new DayCount(
                  LocalDate.ofEpochDay(day),
                  rows.getLong(2),
                  rows.getLong(3),
                  rows.getLong(4),
                  rows.getLong(5)));
        }
      }
    }
    List<DayCount> days = new ArrayList<>();
    for (long day = from.toEpochDay(); day <= to.toEpochDay(); day++) {
      DayCount count = stored.get(day);
      days.add(count != null ? count : new DayCount(LocalDate.ofEpochDay(day), 0, 0, 0, 0));
    }
    return days;
  }

  /**
   * The {@code shown} values with most visits in the period per dimension, most first, and the rest
   * summed as one "other" value at the end.
   */
  public static Map<Dimension, List<TopValue>> tops(
      Connection connection, long link, LocalDate from, LocalDate to, int shown)
      throws SQLException {
    Map<Dimension, Map<String, Long>> sums = new EnumMap<>(Dimension.class);
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT tops FROM visit_day WHERE link_id = ? AND day BETWEEN ? AND ?"
                + " AND tops IS NOT NULL")) {
      query.setLong(1, link);
      query.setLong(2, from.toEpochDay());
      query.setLong(3, to.toEpochDay());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          TopValues day = TopValues.parse(rows.getString(1));
          for (Dimension dimension : day.dimensions()) {
            Map<String, Long> sum = sums.computeIfAbsent(dimension, d -> new HashMap<>());
            day.of(dimension).forEach((value, visits) -> sum.merge(value, visits, Long::sum));
          }
        }
      }
    }
    Map<Dimension, List<TopValue>> tops = new EnumMap<>(Dimension.class);
    sums.forEach(
        (dimension, sum) -> {
          List<Map.Entry<String, Long>> most =
              sum.entrySet().stream()
                  .filter(entry -> !entry.getKey().equals(VisitWriter.OTHER))
                  .sorted(
                      Map.Entry.<String, Long>comparingByValue()
                          .reversed()
                          .thenComparing(Map.Entry.comparingByKey()))
                  .toList();
          List<TopValue> values = new ArrayList<>();
          long other = sum.getOrDefault(VisitWriter.OTHER, 0L);
          for (Map.Entry<String, Long> entry : most) {
            if (values.size() < shown) {
              values.add(
                  new TopValue(
                      entry.getKey(),
                      entry.getValue(),
                      false,
                      entry.getKey().equals(VisitWriter.NONE)));
            } else {
              other += entry.getValue();
            }
          }
          if (other > 0) {
            values.add(new TopValue(VisitWriter.OTHER, other, true, false));
          }
          tops.put(dimension, values);
        });
    return tops;
  }

  /**
   * Up to {@code most} visits of {@code scope} written before the visit {@code before} (null: the
   * latest), newest first, in the epoch-millisecond window [from, to), after skipping {@code skip}.
   * The admin's pages and the export page by {@code before} (a keyset: the thousandth page costs
   * what the first does); the API's numbered pages skip.
   */
  public static List<Visit> page(
      Connection connection,
      VisitScope scope,
      Long before,
      long from,
      long to,
      boolean excludeBots,
      int most,
      int skip)
      throws SQLException {
    StringBuilder sql =
        new StringBuilder(
            "SELECT v.id, v.link_id, v.orphan_path, v.time, v.kind, v.referrer, a.user_agent,"
                + " a.browser, a.os, a.device, v.country FROM visit v"
                + " LEFT JOIN agent a ON a.id = v.agent_id WHERE ");
    sql.append(scope.visits());
    if (before != null) {
      sql.append(" AND v.id < ?");
    }
    sql.append(" AND v.time >= ? AND v.time < ?");
    if (excludeBots) {
      sql.append(" AND v.kind = ").append(VisitKind.PERSON.ordinal());
    }
    sql.append(" ORDER BY v.id DESC LIMIT ? OFFSET ?");
    List<Visit> visits = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      int index = scope.bind(query, 1, true);
      if (before != null) {
        query.setLong(index++, before);
      }
      query.setLong(index++, from);
      query.setLong(index++, to);
      query.setInt(index++, most);
      query.setInt(index, skip);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long linkId = rows.getLong(2);
          Long link = rows.wasNull() ? null : linkId;
          visits.add(
              new Visit(
                  rows.getLong(1),
                  link,
                  rows.getString(3),
                  rows.getLong(4),
                  VisitKind.values()[rows.getInt(5)],
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getString(9),
                  rows.getString(10),
                  rows.getString(11)));
        }
      }
    }
    return visits;
  }

  /**
   * The visits of {@code scope} in whole days [from, to] that have a row (people only if {@code
   * peopleOnly}), from the daily aggregates: what a list of the period pages through, give or take
   * the rows the retention purged.
   */
  public static long listed(
      Connection connection, VisitScope scope, LocalDate from, LocalDate to, boolean peopleOnly)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT COALESCE(SUM("
                + (peopleOnly ? "d.people_listed" : "d.listed")
                + "), 0) FROM visit_day d WHERE "
                + scope.days()
                + " AND d.day BETWEEN ? AND ?")) {
      int index = scope.bind(query, 1, false);
      query.setLong(index++, from.toEpochDay());
      query.setLong(index, to.toEpochDay());
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** The visits by bots and link previews of the links of each tag whose links had any. */
  public static Map<String, Long> tagBots(Connection connection) throws SQLException {
    Map<String, Long> bots = new HashMap<>();
    try (PreparedStatement query =
            connection.prepareStatement(
                "SELECT t.name, SUM(v.bots) FROM tag t JOIN link_tag lt ON lt.tag_id = t.id"
                    + " JOIN visit_total v ON v.link_id = lt.link_id GROUP BY t.name");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        bots.put(rows.getString(1), rows.getLong(2));
      }
    }
    return bots;
  }

  /** The visits by bots and link previews of each of {@code links} that had any. */
  public static Map<Long, Long> bots(Connection connection, List<Long> links) throws SQLException {
    Map<Long, Long> bots = new HashMap<>();
    IdLists.select(
        connection,
        "SELECT link_id, bots FROM visit_total WHERE link_id IN (ids)",
        links,
        row -> bots.put(row.getLong(1), row.getLong(2)));
    return bots;
  }

  /**
   * Deletes up to {@code most} of the oldest visits written before {@code cutoff} (epoch
   * milliseconds) and says how many. Reads only the first {@code most} rows by id, which follow
   * time, so a purge with nothing to do costs no scan.
   */
  public static int purge(Connection connection, long cutoff, int most) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM visit WHERE id IN (SELECT id FROM"
                + " (SELECT id, time FROM visit ORDER BY id LIMIT ?) oldest WHERE time < ?)")) {
      delete.setInt(1, most);
      delete.setLong(2, cutoff);
      return delete.executeUpdate();
    }
  }

  /** The people's, bots' and previews' visits of {@code link} (or orphans) on every day. */
  public static DayCount sum(Connection connection, long link) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT COALESCE(SUM(people), 0), COALESCE(SUM(bots), 0), COALESCE(SUM(previews), 0),"
                + " COALESCE(SUM(uniques), 0) FROM visit_day WHERE link_id = ?")) {
      query.setLong(1, link);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return new DayCount(null, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
      }
    }
  }
}
