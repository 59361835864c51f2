package dev.shortener.visits.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shortener.platform.Dialect;
import dev.shortener.visits.entity.Dimension;
import dev.shortener.visits.entity.VisitKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a flush's visits into rows: classifies each one, adds them up per link and day in memory,
 * and writes the sums (daily counts, top values, unique visitors, the bots per link) and the single
 * visits with one batch of statements per table, in the flush's transaction. The same SQL on SQLite
 * and PostgreSQL.
 *
 * <p>Used by the flush's one thread only. What it learns about user agents (their ids) is kept only
 * once the transaction committed.
 */
public final class VisitWriter {

  /** Top values kept per link, day and dimension; the rest add up as "other" (the empty value). */
  static final int TOP_PER_LINK = 20;

  /** Top values kept per day and dimension for every link together, and of orphan paths. */
  static final int TOP_SITE_WIDE = 100;

  /** A dimension's value when the visit had none (no referrer, an unknown browser or country). */
  public static final String NONE = "-";

  /** The value under which a day's values beyond the first ones add up. */
  public static final String OTHER = "";

  /** The longest user agent, orphan path and top value kept. */
  static final int MAX_TEXT = 512;

  private static final int PEOPLE = 0;
  private static final int BOTS = 1;
  private static final int PREVIEWS = 2;
  private static final int UNIQUES = 3;
  private static final int LISTED = 4;
  private static final int PEOPLE_LISTED = 5;
  private static final int CHECKS = 6;

  /** The key of the lock that makes servers' visit writes take turns on PostgreSQL. */
  private static final long VISIT_WRITES = 0x7669736974L;

  /** What is recorded of a visit, as the switches say. */
  public record Recording(boolean userAgent, boolean referrer, boolean country) {}

  private final UserAgents agents;
  private final Countries countries;
  private final ZoneRules zone;
  private final Recording recording;
  private final Visitors visitors = new Visitors();
  private final Cache<String, Long> agentIds = Caffeine.newBuilder().maximumSize(10_000).build();
  private final Map<String, Long> learnt = new HashMap<>();
  private final Dialect dialect = Dialect.configured();

  public VisitWriter(UserAgents agents, Countries countries, ZoneId zone, Recording recording) {
    this.agents = agents;
    this.countries = countries;
    this.zone = zone.getRules();
    this.recording = recording;
    loadClasses();
  }

  /**
   * Loads the classes a write uses while the application's class loader still serves them: at a
   * stop, the last flush could not load them (as {@code ClickFlusher} found for its own), and its
   * visits would wait for a next flush that never comes.
   */
  private void loadClasses() {
    Sums sums = new Sums(1);
    sums.day(0, 0).top(Dimension.REFERRER, NONE);
    sums.seen.add(new Seen(0, 0, 0));
    sums.rows.add(new Row(null, VisitKind.PERSON, null, null, null));
    List<Day> days = sums.inOrder();
    Map<DayKey, String> stored = new HashMap<>();
    stored.put(days.get(0).key, days.get(0).tops.pack());
    TopValues.parse(stored.get(days.get(0).key)).addAll(new TopValues(), 1);
    sums.seenInOrder();
  }

  /** The key of a {@code visit_day} row, ordered as the table is. */
  private record DayKey(long link, long day) implements Comparable<DayKey> {
    @Override
    public int compareTo(DayKey other) {
      int byLink = Long.compare(link, other.link);
      return byLink != 0 ? byLink : Long.compare(day, other.day);
    }
  }

  /** The key of a {@code visitor_seen} row, ordered as the table is. */
  private record Seen(long day, long link, long visitor) implements Comparable<Seen> {
    @Override
    public int compareTo(Seen other) {
      int byDay = Long.compare(day, other.day);
      if (byDay != 0) {
        return byDay;
      }
      int byLink = Long.compare(link, other.link);
      return byLink != 0 ? byLink : Long.compare(visitor, other.visitor);
    }
  }

  private record Row(
      VisitRecord visit, VisitKind kind, Agent agent, String referrer, String country) {}

  /** A link's sums of one day: its counts, and its top values once it has one. */
  private static final class Day {
    final DayKey key;
    final long[] counts = new long[CHECKS + 1];
    TopValues tops;

    Day(DayKey key) {
      this.key = key;
    }

    void top(Dimension dimension, String value) {
      String kept = value == null || value.isEmpty() ? NONE : cut(value);
      if (tops == null) {
        tops = new TopValues();
      }
      tops.add(dimension, kept, 1, limit(key.link()));
    }
  }

  /**
   * One flush's sums, before they are written. Each visit looks up its link's day once and every
   * link's day once, and the rows go out in their tables' key order, so that SQLite's inserts walk
   * each B-tree from one end to the other instead of jumping around it. Under visits spread over 1
   * M links, as {@code bench/run.sh} sends them, this cut a flush's cost from 33-34 µs a visit to
   * 24-26 ({@code bench/flush.sh}; most of the Java side had been hash lookups, one per count and
   * top value).
   */
  private static final class Sums {
    final Map<DayKey, Day> days;
    final Map<Long, long[]> bots = new HashMap<>();
    final Set<Seen> seen;
    final List<Row> rows;

    Sums(int visits) {
      // Sized for a day row per visit, as with visits spread over many links, so never rehashed.
      days = new HashMap<>(capacity(visits + 4));
      seen = new HashSet<>(capacity(2 * visits));
      rows = new ArrayList<>(visits);
    }

    Day day(long link, long day) {
      return days.computeIfAbsent(new DayKey(link, day), Day::new);
    }

    /** The days in {@code visit_day}'s key order. */
    List<Day> inOrder() {
      List<Day> ordered = new ArrayList<>(days.values());
      ordered.sort((one, other) -> one.key.compareTo(other.key));
      return ordered;
    }

    /** The visitors seen, in {@code visitor_seen}'s key order. */
    List<Seen> seenInOrder() {
      List<Seen> ordered = new ArrayList<>(seen);
      Collections.sort(ordered);
      return ordered;
    }
  }

  /** Writes {@code visits} through {@code connection}, inside the caller's transaction. */
  public void write(Connection connection, List<VisitRecord> visits) throws SQLException {
    Sums sums = new Sums(visits.size());
    for (VisitRecord visit : visits) {
      add(connection, sums, visit);
    }
    writeUniques(connection, sums);
    writeDays(connection, sums);
    writeBots(connection, sums);
    writeRows(connection, sums);
  }

  /** The transaction committed: what was learnt about user agents holds. */
  public void committed() {
    agentIds.putAll(learnt);
    learnt.clear();
  }

  /** The transaction rolled back: forget what it made. */
  public void rolledBack() {
    learnt.clear();
    visitors.forget();
  }

  private void add(Connection connection, Sums sums, VisitRecord visit) throws SQLException {
    long millis = visit.time();
    long day =
        Math.floorDiv(
            millis + zone.getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L,
            86_400_000L);
    boolean link = visit.linkId() != VisitRecord.ORPHAN;
    Day ofLink = sums.day(visit.linkId(), day);
    Day ofAll = link ? sums.day(0, day) : null;
    if (visit.head()) {
      count(ofLink, ofAll, CHECKS);
      return;
    }
    Agent agent = agents.classify(visit.userAgent());
    VisitKind kind = visit.prefetch() ? VisitKind.PREVIEW : agent.kind();
    count(
        ofLink, ofAll, kind == VisitKind.PERSON ? PEOPLE : kind == VisitKind.BOT ? BOTS : PREVIEWS);
    if (link && kind.potentialBot()) {
      sums.bots.computeIfAbsent(visit.linkId(), id -> new long[1])[0]++;
    }
    if (visit.untracked()) {
      return;
    }
    count(ofLink, ofAll, LISTED);
    String referrer = recording.referrer() ? Referrers.host(visit.referrer()) : null;
    String country = recording.country() ? countries.of(visit.address()) : null;
    if (!link) {
      ofLink.top(Dimension.PATH, visit.orphanPath());
    } else if (kind == VisitKind.PERSON) {
      count(ofLink, ofAll, PEOPLE_LISTED);
      long visitor = visitors.hash(connection, day, visit.address(), visit.userAgent());
      for (Day of : new Day[] {ofLink, ofAll}) {
        if (recording.referrer()) {
          of.top(Dimension.REFERRER, referrer);
        }
        if (recording.userAgent()) {
          of.top(Dimension.BROWSER, agent.browser());
          of.top(Dimension.OS, agent.os());
          of.top(Dimension.DEVICE, agent.device());
        }
        if (recording.country()) {
          of.top(Dimension.COUNTRY, country);
        }
        sums.seen.add(new Seen(day, of.key.link(), visitor));
      }
    } else {
      String name = botName(agent, visit);
      ofLink.top(Dimension.BOT, name);
      ofAll.top(Dimension.BOT, name);
    }
    sums.rows.add(new Row(visit, kind, recording.userAgent() ? agent : null, referrer, country));
  }

  private static void count(Day ofLink, Day ofAll, int column) {
    ofLink.counts[column]++;
    if (ofAll != null) {
      ofAll.counts[column]++;
    }
  }

  /** A bot by the name its user agent gives, or the agent's first word. */
  private static String botName(Agent agent, VisitRecord visit) {
    if (agent.browser() != null) {
      return agent.browser();
    }
    String ua = visit.userAgent();
    if (ua == null || ua.isBlank()) {
      return visit.prefetch() ? "Prefetch" : NONE;
    }
    String first = ua.strip().split("[\\s/;(]", 2)[0];
    return first.isEmpty() ? NONE : first;
  }

  private static String cut(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
  }

  private static void writeUniques(Connection connection, Sums sums) throws SQLException {
    if (sums.seen.isEmpty()) {
      return;
    }
    List<Seen> order = sums.seenInOrder();
    int[] inserted;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO visitor_seen (day, link_id, visitor) VALUES (?, ?, ?)"
                + " ON CONFLICT (day, link_id, visitor) DO NOTHING")) {
      for (Seen seen : order) {
        insert.setLong(1, seen.day());
        insert.setLong(2, seen.link());
        insert.setLong(3, seen.visitor());
        insert.addBatch();
      }
      inserted = insert.executeBatch();
    }
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i] > 0) {
        Seen seen = order.get(i);
        sums.day(seen.link(), seen.day()).counts[UNIQUES]++;
      }
    }
  }

  /**
   * Adds the sums to each day's row, the top values merged with those it has: read first, in bulk,
   * and written back with the counts. On PostgreSQL, other servers' visit writes wait meanwhile
   * (their flushes take turns, each a fraction of its interval), so no merge is lost.
   */
  private void writeDays(Connection connection, Sums sums) throws SQLException {
    if (sums.days.isEmpty()) {
      return;
    }
    dialect.exclusive(connection, VISIT_WRITES);
    List<Day> days = sums.inOrder();
    Map<DayKey, String> stored = storedTops(connection, days);
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO visit_day (link_id, day, people, bots, previews, uniques, listed,"
                + " people_listed, checks, tops) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (link_id, day) DO UPDATE SET"
                + " people = visit_day.people + excluded.people,"
                + " bots = visit_day.bots + excluded.bots,"
                + " previews = visit_day.previews + excluded.previews,"
                + " uniques = visit_day.uniques + excluded.uniques,"
                + " listed = visit_day.listed + excluded.listed,"
                + " people_listed = visit_day.people_listed + excluded.people_listed,"
                + " checks = visit_day.checks + excluded.checks,"
                + " tops = COALESCE(excluded.tops, visit_day.tops)")) {
      for (Day day : days) {
        DayKey key = day.key;
        upsert.setLong(1, key.link());
        upsert.setLong(2, key.day());
        long[] counts = day.counts;
        for (int i = 0; i < counts.length; i++) {
          upsert.setLong(3 + i, counts[i]);
        }
        String tops = null;
        if (day.tops != null) {
          String before = stored.get(key);
          TopValues merged = day.tops;
          if (before != null) {
            merged = TopValues.parse(before);
            merged.addAll(day.tops, limit(key.link()));
          }
          tops = merged.pack();
        }
        upsert.setString(3 + counts.length, tops);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  /** The stored top values of those of {@code days} (in key order) that have a row and values. */
  private static Map<DayKey, String> storedTops(Connection connection, List<Day> days)
      throws SQLException {
    Map<Long, List<Long>> linksByDay = new HashMap<>();
    for (Day day : days) {
      if (day.tops != null) {
        linksByDay.computeIfAbsent(day.key.day(), d -> new ArrayList<>()).add(day.key.link());
      }
    }
    Map<DayKey, String> stored = new HashMap<>(capacity(days.size()));
    for (Map.Entry<Long, List<Long>> day : linksByDay.entrySet()) {
      long epochDay = day.getKey();
      IdLists.select(
          connection,
          "SELECT link_id, tops FROM visit_day WHERE day = ? AND tops IS NOT NULL"
              + " AND link_id IN (ids)",
          day.getValue(),
          row -> stored.put(new DayKey(row.getLong(1), epochDay), row.getString(2)),
          epochDay);
    }
    return stored;
  }

  /** The capacity at which a hash table holds {@code entries} without growing. */
  private static int capacity(int entries) {
    return (int) Math.min(entries / 0.75 + 1, Integer.MAX_VALUE);
  }

  /** Top values kept per dimension and day: fewer for a link than for every link together. */
  private static int limit(long link) {
    return link > 0 ? TOP_PER_LINK : TOP_SITE_WIDE;
  }

  private static void writeBots(Connection connection, Sums sums) throws SQLException {
    if (sums.bots.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO visit_total (link_id, bots) VALUES (?, ?)"
                + " ON CONFLICT (link_id) DO UPDATE SET bots = visit_total.bots + excluded.bots")) {
      for (Map.Entry<Long, long[]> entry : sums.bots.entrySet()) {
        upsert.setLong(1, entry.getKey());
        upsert.setLong(2, entry.getValue()[0]);
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  private void writeRows(Connection connection, Sums sums) throws SQLException {
    if (sums.rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO visit (link_id, orphan_path, time, kind, agent_id, referrer, country)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Row row : sums.rows) {
        VisitRecord visit = row.visit();
        if (visit.linkId() == VisitRecord.ORPHAN) {
          insert.setNull(1, Types.BIGINT);
          insert.setString(2, cut(visit.orphanPath()));
        } else {
          insert.setLong(1, visit.linkId());
          insert.setNull(2, Types.VARCHAR);
        }
        insert.setLong(3, visit.time());
        insert.setInt(4, row.kind().ordinal());
        Long agent = row.agent() == null ? null : agentId(connection, visit.userAgent(), row);
        if (agent == null) {
          insert.setNull(5, Types.BIGINT);
        } else {
          insert.setLong(5, agent);
        }
        insert.setString(6, row.referrer());
        insert.setString(7, row.country());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The id of the user agent's row, made when this is its first visit. */
  private Long agentId(Connection connection, String userAgent, Row row) throws SQLException {
    if (userAgent == null || userAgent.isBlank()) {
      return null;
    }
    String kept = cut(userAgent);
    Long known = agentIds.getIfPresent(kept);
    if (known == null) {
      known = learnt.get(kept);
    }
    if (known != null) {
      return known;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO agent (user_agent, browser, os, device, kind) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (user_agent) DO NOTHING")) {
      insert.setString(1, kept);
      insert.setString(2, row.agent().browser());
      insert.setString(3, row.agent().os());
      insert.setString(4, row.agent().device());
      insert.setInt(5, row.agent().kind().ordinal());
      insert.executeUpdate();
    }
    try (PreparedStatement query =
        connection.prepareStatement("SELECT id FROM agent WHERE user_agent = ?")) {
      query.setString(1, kept);
      try (ResultSet found = query.executeQuery()) {
        found.next();
        long id = found.getLong(1);
        learnt.put(kept, id);
        return id;
      }
    }
  }
}
