package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.TestDatabase;
import dev.shortener.visits.entity.DayCount;
import dev.shortener.visits.entity.Dimension;
import dev.shortener.visits.entity.TopValue;
import dev.shortener.visits.entity.Visit;
import dev.shortener.visits.entity.VisitKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flush's side of the statistics against a real SQLite file: what is written, and read back.
 */
class VisitWriterTest {

  static final String CHROME =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/131.0.0.0 Safari/537.36";
  static final String SLACK = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";
  static final String GOOGLEBOT =
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

  /** 2026-12-01 10:00 UTC. */
  static final long NOON = 1_796_119_200_000L;

  static final LocalDate DAY = LocalDate.of(2026, 12, 1);

  @TempDir Path folder;

  private DataSource database;
  private final Countries countries = new Countries();
  private final UserAgents agents = new UserAgents();
  private VisitWriter writer;

  @BeforeEach
  void migrate() {
    database = TestDatabase.migrated(folder);
    agents.init();
    countries.open(Path.of(System.getProperty("test.geoip.db")));
    writer = writer(new VisitWriter.Recording(true, true, true));
  }

  private VisitWriter writer(VisitWriter.Recording recording) {
    return new VisitWriter(agents, countries, ZoneOffset.UTC, recording);
  }

  private static VisitRecord visit(long link, String userAgent, String referrer, String address) {
    return new VisitRecord(link, null, NOON, userAgent, referrer, address, false, false, false);
  }

  private void write(VisitWriter with, List<VisitRecord> visits) throws SQLException {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      with.write(connection, visits);
      connection.commit();
      with.committed();
    }
  }

  private DayCount day(long link) throws SQLException {
    try (Connection connection = database.getConnection()) {
      return VisitStats.days(connection, link, DAY, DAY).get(0);
    }
  }

  private Map<Dimension, List<TopValue>> tops(long link) throws SQLException {
    try (Connection connection = database.getConnection()) {
      return VisitStats.tops(connection, link, DAY, DAY, 10);
    }
  }

  private List<Visit> rows(VisitScope scope) throws SQLException {
    try (Connection connection = database.getConnection()) {
      return VisitStats.page(connection, scope, null, 0, Long.MAX_VALUE, false, 100, 0);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet row = query.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private String text(String sql) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet row = query.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void peopleBotsAndPreviewsAreCountedApartPerLinkAndForEveryLink() throws SQLException {
    write(
        writer,
        List.of(
            visit(1, CHROME, "https://news.example.org/item?id=1", "8.8.8.8"),
            visit(1, SLACK, null, "8.8.8.8"),
            visit(1, GOOGLEBOT, null, "8.8.8.8"),
            visit(2, CHROME, null, "8.8.4.4")));
    assertEquals(new DayCount(DAY, 1, 1, 1, 1), day(1));
    assertEquals(new DayCount(DAY, 1, 0, 0, 1), day(2));
    assertEquals(new DayCount(DAY, 2, 1, 1, 2), day(VisitStats.ALL_LINKS));
    try (Connection connection = database.getConnection()) {
      assertEquals(Map.of(1L, 2L), VisitStats.bots(connection, List.of(1L, 2L)));
    }
  }

  @Test
  void eachRowHasItsOwnFieldsWhateverTheRowBeforeHad() throws SQLException {
    write(
        writer,
        List.of(
            visit(4, CHROME, "https://a.example/", "8.8.8.8"),
            new VisitRecord(
                VisitRecord.ORPHAN, "/gone", NOON, null, null, "x", false, false, false),
            visit(4, null, null, "192.0.2.1")));
    List<Visit> rows = rows(VisitScope.link(4));
    assertEquals(2, rows.size());
    assertNull(rows.get(0).userAgent(), "no agent, though the row before had one");
    assertNull(rows.get(0).referrer());
    assertNull(rows.get(0).orphanPath(), "a link's visit has no path");
    Visit orphan = rows(VisitScope.ORPHANS).get(0);
    assertNull(orphan.linkId(), "an orphan has no link, though the row before had one");
    assertEquals("/gone", orphan.orphanPath());
  }

  @Test
  void theBotsOfEachLinkAddUp() throws SQLException {
    write(writer, List.of(visit(5, GOOGLEBOT, null, "x"), visit(9, SLACK, null, "x")));
    write(writer, List.of(visit(5, SLACK, null, "x"), visit(9, CHROME, null, "x")));
    try (Connection connection = database.getConnection()) {
      assertEquals(Map.of(5L, 2L, 9L, 1L), VisitStats.bots(connection, List.of(5L, 9L, 12L)));
    }
  }

  @Test
  void botsWithoutANameAreNamedByWhatTheySent() throws SQLException {
    write(
        writer,
        List.of(
            visit(6, null, null, "x"),
            new VisitRecord(6, null, NOON, null, null, "x", false, true, false)));
    Map<String, Long> bots = new java.util.HashMap<>();
    tops(6).get(Dimension.BOT).forEach(value -> bots.put(value.value(), value.visits()));
    assertEquals(Map.of(VisitWriter.NONE, 1L, "Prefetch", 1L), bots);
  }

  @Test
  void everyLinkTogetherKeepsMoreValuesThanOne() throws SQLException {
    List<VisitRecord> visits = new ArrayList<>();
    for (int i = 0; i < VisitWriter.TOP_PER_LINK + 5; i++) {
      visits.add(visit(100 + i, CHROME, "https://site" + i + ".example/", "192.0.2.1"));
    }
    write(writer, visits);
    try (Connection connection = database.getConnection()) {
      List<TopValue> referrers =
          VisitStats.tops(connection, VisitStats.ALL_LINKS, DAY, DAY, 1000).get(Dimension.REFERRER);
      assertEquals(VisitWriter.TOP_PER_LINK + 5, referrers.size(), "no other: " + referrers);
    }
  }

  @Test
  void aFlushOfManyLinksMergesTheTopValuesOfEach() throws SQLException {
    List<VisitRecord> visits = new ArrayList<>();
    for (int link = 1; link <= 1_100; link++) {
      visits.add(visit(link, CHROME, "https://news.example.org/", "192.0.2.1"));
    }
    write(writer, visits);
    write(writer, visits);
    try (Connection connection = database.getConnection()) {
      for (long link : new long[] {1, 500, 501, 1_000, 1_001, 1_100}) {
        assertEquals(
            List.of(new TopValue("news.example.org", 2, false, false)),
            VisitStats.tops(connection, link, DAY, DAY, 10).get(Dimension.REFERRER),
            "link " + link);
      }
    }
  }

  @Test
  void aSecondFlushAddsToTheSameDay() throws SQLException {
    write(writer, List.of(visit(1, CHROME, null, "192.0.2.1")));
    write(writer, List.of(visit(1, CHROME, null, "192.0.2.2"), visit(1, SLACK, null, "x")));
    assertEquals(new DayCount(DAY, 2, 0, 1, 2), day(1));
  }

  @Test
  void aVisitorCountsOnceADayAcrossFlushes() throws SQLException {
    write(
        writer, List.of(visit(1, CHROME, null, "192.0.2.1"), visit(1, CHROME, null, "192.0.2.1")));
    write(
        writer, List.of(visit(1, CHROME, null, "192.0.2.1"), visit(2, CHROME, null, "192.0.2.1")));
    assertEquals(1, day(1).uniques(), "one address and browser: one visitor of link 1");
    assertEquals(1, day(2).uniques());
    assertEquals(1, day(VisitStats.ALL_LINKS).uniques(), "and one of the site");
    assertEquals(3, day(1).people());
  }

  @Test
  void theNextDayForgetsTheSaltAndTheHashesOfTheDayBeforeYesterday() throws SQLException {
    long dayMillis = 86_400_000L;
    write(writer, List.of(visit(1, CHROME, null, "192.0.2.1")));
    write(
        writer,
        List.of(
            new VisitRecord(
                1, null, NOON + 2 * dayMillis, CHROME, null, "192.0.2.1", false, false, false)));
    assertEquals(1, count("SELECT COUNT(*) FROM visitor_salt"), "only the new day's salt");
    assertEquals(
        2, count("SELECT COUNT(*) FROM visitor_seen"), "the new day's hashes, of link 1 and all");
    try (Connection connection = database.getConnection()) {
      assertEquals(
          1, VisitStats.days(connection, 1, DAY.plusDays(2), DAY.plusDays(2)).get(0).uniques());
    }
  }

  @Test
  void theTopValuesAreThePeoplesAndTheBotsGoByName() throws SQLException {
    write(
        writer,
        List.of(
            visit(1, CHROME, "https://news.example.org/a", "8.8.8.8"),
            visit(1, CHROME, "https://news.example.org/b", "8.8.4.4"),
            visit(1, CHROME, null, "192.0.2.1"),
            visit(1, GOOGLEBOT, "https://spam.example/", "8.8.8.8")));
    Map<Dimension, List<TopValue>> tops = tops(1);
    assertEquals(
        List.of(
            new TopValue("news.example.org", 2, false, false),
            new TopValue(VisitWriter.NONE, 1, false, true)),
        tops.get(Dimension.REFERRER),
        "the bot's referrer is not among the people's");
    assertEquals(List.of(new TopValue("Chrome", 3, false, false)), tops.get(Dimension.BROWSER));
    assertEquals("US", tops.get(Dimension.COUNTRY).get(0).value());
    assertEquals(2, tops.get(Dimension.COUNTRY).get(0).visits());
    assertEquals(List.of(new TopValue("Googlebot", 1, false, false)), tops.get(Dimension.BOT));
    assertEquals(List.of(new TopValue("Windows", 3, false, false)), tops.get(Dimension.OS));
    assertEquals(List.of(new TopValue("Desktop", 3, false, false)), tops.get(Dimension.DEVICE));
    assertEquals(
        List.of(new TopValue("Googlebot", 1, false, false)),
        tops(VisitStats.ALL_LINKS).get(Dimension.BOT));
    assertEquals(tops.get(Dimension.BROWSER), tops(VisitStats.ALL_LINKS).get(Dimension.BROWSER));
  }

  @Test
  void aDayKeepsItsFirstValuesAndAddsTheRestUpAsOther() throws SQLException {
    List<VisitRecord> visits = new ArrayList<>();
    for (int i = 0; i < VisitWriter.TOP_PER_LINK + 5; i++) {
      visits.add(visit(1, CHROME, "https://site" + i + ".example/", "192.0.2.1"));
    }
    write(writer, visits.subList(0, VisitWriter.TOP_PER_LINK));
    write(writer, visits.subList(VisitWriter.TOP_PER_LINK, visits.size()));
    write(writer, List.of(visit(1, CHROME, "https://site0.example/", "192.0.2.1")));
    assertEquals(
        VisitWriter.TOP_PER_LINK + 1,
        TopValues.parse(text("SELECT tops FROM visit_day WHERE link_id = 1"))
            .of(Dimension.REFERRER)
            .size(),
        "the first values and one line of others");
    try (Connection connection = database.getConnection()) {
      List<TopValue> referrers =
          VisitStats.tops(connection, 1, DAY, DAY, 100).get(Dimension.REFERRER);
      assertEquals(
          new TopValue("site0.example", 2, false, false),
          referrers.get(0),
          "a known value still adds to its own row when the day is full");
      assertEquals(
          new TopValue(VisitWriter.OTHER, 5, true, false), referrers.get(referrers.size() - 1));
      List<TopValue> shown = VisitStats.tops(connection, 1, DAY, DAY, 3).get(Dimension.REFERRER);
      assertEquals(4, shown.size(), "three shown and the rest as other");
      assertEquals(
          VisitWriter.TOP_PER_LINK + 6 - 2 - 1 - 1,
          shown.get(3).visits(),
          "other: every visit not shown");
    }
  }

  @Test
  void aSingleVisitKeepsNoAddressAndTheReferrersHostOnly() throws SQLException {
    write(writer, List.of(visit(7, CHROME, "https://news.example.org/item?id=1#c", "8.8.8.8")));
    Visit visit = rows(VisitScope.link(7)).get(0);
    assertEquals(7L, visit.linkId());
    assertEquals(NOON, visit.time());
    assertEquals(VisitKind.PERSON, visit.kind());
    assertEquals("news.example.org", visit.referrer());
    assertEquals(CHROME, visit.userAgent());
    assertEquals("Chrome", visit.browser());
    assertEquals("Windows", visit.os());
    assertEquals("Desktop", visit.device());
    assertEquals("US", visit.country());
    assertEquals(0, count("SELECT COUNT(*) FROM visit WHERE referrer LIKE '%item%'"));
    assertEquals(1, count("SELECT COUNT(*) FROM agent"), "the user agent once");
    write(writer, List.of(visit(7, CHROME, null, "8.8.8.8")));
    assertEquals(1, count("SELECT COUNT(*) FROM agent"), "and again by its remembered id");
  }

  @Test
  void doNotTrackCountsInTheTotalsAndLeavesNothingElse() throws SQLException {
    write(
        writer,
        List.of(
            new VisitRecord(
                1, null, NOON, CHROME, "https://a.example/", "8.8.8.8", false, false, true)));
    assertEquals(new DayCount(DAY, 1, 0, 0, 0), day(1));
    assertEquals(0, count("SELECT COUNT(*) FROM visit"));
    assertEquals(null, text("SELECT tops FROM visit_day WHERE link_id = 1"), "no top values");
    assertEquals(0, count("SELECT COUNT(*) FROM visitor_seen"));
    assertEquals(0, count("SELECT listed FROM visit_day WHERE link_id = 1"));
  }

  @Test
  void aHeadRequestIsACheckAndAPrefetchAPreview() throws SQLException {
    write(
        writer,
        List.of(
            new VisitRecord(1, null, NOON, CHROME, null, "8.8.8.8", true, false, false),
            new VisitRecord(1, null, NOON, CHROME, null, "8.8.8.8", false, true, false)));
    assertEquals(new DayCount(DAY, 0, 0, 1, 0), day(1));
    assertEquals(1, count("SELECT checks FROM visit_day WHERE link_id = 1"));
    assertEquals(1, rows(VisitScope.link(1)).size(), "the prefetch has a row, the check not");
  }

  @Test
  void orphanVisitsAreCountedByPathApartFromTheLinks() throws SQLException {
    write(
        writer,
        List.of(
            new VisitRecord(
                VisitRecord.ORPHAN, "/typo", NOON, CHROME, null, "x", false, false, false),
            new VisitRecord(
                VisitRecord.ORPHAN, "/typo", NOON, CHROME, null, "y", false, false, false),
            new VisitRecord(
                VisitRecord.ORPHAN,
                "/wp-login.php",
                NOON,
                GOOGLEBOT,
                null,
                "z",
                false,
                false,
                false)));
    assertEquals(new DayCount(DAY, 2, 1, 0, 0), day(VisitStats.ORPHANS));
    assertEquals(new DayCount(DAY, 0, 0, 0, 0), day(VisitStats.ALL_LINKS), "no link's visits");
    assertEquals(
        List.of(
            new TopValue("/typo", 2, false, false), new TopValue("/wp-login.php", 1, false, false)),
        tops(VisitStats.ORPHANS).get(Dimension.PATH));
    List<Visit> orphans = rows(VisitScope.ORPHANS);
    assertEquals(3, orphans.size());
    assertNull(orphans.get(0).linkId());
    assertEquals("/wp-login.php", orphans.get(0).orphanPath(), "newest first");
    assertEquals(0, rows(VisitScope.ALL).size());
  }

  @Test
  void theSwitchesLeaveOutWhatTheyTurnOff() throws SQLException {
    write(
        writer(new VisitWriter.Recording(false, false, false)),
        List.of(
            visit(1, CHROME, "https://news.example.org/", "8.8.8.8"), visit(1, SLACK, null, "x")));
    assertEquals(new DayCount(DAY, 1, 0, 1, 1), day(1), "bots are still told apart");
    Visit visit = rows(VisitScope.link(1)).get(1);
    assertNull(visit.referrer());
    assertNull(visit.userAgent());
    assertNull(visit.country());
    assertEquals(
        Map.of(),
        tops(1).entrySet().stream()
            .filter(e -> e.getKey() != Dimension.BOT)
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void pagesGoByKeysetAndListsCountFromTheAggregates() throws SQLException {
    List<VisitRecord> visits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      visits.add(visit(3, i % 2 == 0 ? CHROME : GOOGLEBOT, null, "192.0.2." + i));
    }
    write(writer, visits);
    try (Connection connection = database.getConnection()) {
      List<Visit> first =
          VisitStats.page(connection, VisitScope.link(3), null, 0, Long.MAX_VALUE, false, 2, 0);
      List<Visit> next =
          VisitStats.page(
              connection, VisitScope.link(3), first.get(1).id(), 0, Long.MAX_VALUE, false, 2, 0);
      assertEquals(2, next.size());
      assertTrue(next.get(0).id() < first.get(1).id(), "older than the page before");
      assertEquals(
          3,
          VisitStats.page(connection, VisitScope.link(3), null, 0, Long.MAX_VALUE, true, 9, 0)
              .size(),
          "people only");
      assertEquals(
          0,
          VisitStats.page(
                  connection, VisitScope.link(3), null, NOON + 1, Long.MAX_VALUE, false, 9, 0)
              .size(),
          "a window after the visits");
      assertEquals(5, VisitStats.listed(connection, VisitScope.link(3), DAY, DAY, false));
      assertEquals(3, VisitStats.listed(connection, VisitScope.link(3), DAY, DAY, true));
      assertEquals(
          0,
          VisitStats.listed(
              connection, VisitScope.link(3), DAY.plusDays(1), DAY.plusDays(9), false));
    }
  }

  @Test
  void theRetentionPurgesTheOldestRowsInBatchesAndKeepsTheAggregates() throws SQLException {
    List<VisitRecord> visits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      visits.add(
          new VisitRecord(1, null, NOON + i, CHROME, null, "192.0.2.1", false, false, false));
    }
    write(writer, visits);
    try (Connection connection = database.getConnection()) {
      assertEquals(2, VisitStats.purge(connection, NOON + 3, 2), "a batch of two");
      assertEquals(1, VisitStats.purge(connection, NOON + 3, 2), "the last one before the cutoff");
      assertEquals(0, VisitStats.purge(connection, NOON + 3, 2));
    }
    assertEquals(2, rows(VisitScope.link(1)).size());
    assertEquals(5, day(1).people(), "the day keeps every visit");
  }

  @Test
  void daysInTheAdminsZoneAndEveryDayOfThePeriodPresent() throws SQLException {
    VisitWriter tokyo =
        new VisitWriter(
            agents,
            countries,
            ZoneId.of("Asia/Tokyo"),
            new VisitWriter.Recording(true, true, true));
    // 2026-12-01 20:00 UTC is already 2 December in Tokyo.
    write(
        tokyo,
        List.of(
            new VisitRecord(
                1, null, NOON + 10 * 3_600_000L, CHROME, null, "x", false, false, false)));
    try (Connection connection = database.getConnection()) {
      List<DayCount> days = VisitStats.days(connection, 1, DAY, DAY.plusDays(2));
      assertEquals(3, days.size());
      assertEquals(List.of(0L, 1L, 0L), days.stream().map(DayCount::people).toList());
      assertEquals(DAY.plusDays(1), days.get(1).day());
    }
  }

  @Test
  void aRolledBackFlushLeavesNothingAndForgetsTheIdsItMade() throws SQLException {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      writer.write(connection, List.of(visit(1, CHROME, null, "x")));
      connection.rollback();
      writer.rolledBack();
    }
    assertEquals(0, count("SELECT COUNT(*) FROM agent"));
    write(writer, List.of(visit(1, CHROME, null, "x")));
    assertEquals(CHROME, rows(VisitScope.link(1)).get(0).userAgent(), "the agent row made again");
    assertThrows(IllegalArgumentException.class, () -> Dimension.of(99));
  }
}
