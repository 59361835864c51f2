package dev.shortener.visits.boundary;

import dev.shortener.links.boundary.LinkService;
import dev.shortener.platform.Database;
import dev.shortener.visits.control.VisitScope;
import dev.shortener.visits.control.VisitStats;
import dev.shortener.visits.entity.DayCount;
import dev.shortener.visits.entity.Dimension;
import dev.shortener.visits.entity.TopValue;
import dev.shortener.visits.entity.Visit;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The visit statistics, for the admin's pages and the REST API: a period's days and top values from
 * the daily aggregates, and single visits page by page. Visits reach these tables with the next
 * click flush, within {@code SHORTENER_CLICK_FLUSH_INTERVAL_MS}.
 */
@ApplicationScoped
public class Visits {

  /** The periods a page offers, in days. */
  public static final List<Integer> PERIODS = List.of(7, 30, 90, 365);

  /** Top values shown per dimension; the rest add up as "other". */
  public static final int SHOWN = 10;

  /** The end of a period that has none: later than any visit. */
  public static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  /** A period's statistics. */
  public record Statistics(
      List<DayCount> days, Map<Dimension, List<TopValue>> tops, DayCount totals) {}

  /** A page of visits and how many the period has in all. */
  public record Page(List<Visit> visits, long total) {}

  /** What to read: one link, {@link VisitStats#ALL_LINKS} or {@link VisitStats#ORPHANS}. */
  public Statistics statistics(long link, int days) {
    LocalDate to = today();
    LocalDate from = to.minusDays(days - 1L);
    return read(
        "the visit statistics",
        connection -> {
          List<DayCount> series = VisitStats.days(connection, link, from, to);
          long people = 0;
          long bots = 0;
          long previews = 0;
          long uniques = 0;
          for (DayCount day : series) {
            people += day.people();
            bots += day.bots();
            previews += day.previews();
            uniques += day.uniques();
          }
          return new Statistics(
              series,
              VisitStats.tops(connection, link, from, to, SHOWN),
              new DayCount(from, people, bots, previews, uniques));
        });
  }

  /** Up to {@code most} visits written before visit {@code before} (null: the latest). */
  public List<Visit> latest(VisitScope scope, Long before, int most) {
    return page(scope, before, 0, Long.MAX_VALUE, false, most, 0);
  }

  /**
   * Page {@code number} (from 1) of {@code size} visits in [from, to), newest first, with the
   * period's count from the daily aggregates (whole days).
   */
  public Page page(
      VisitScope scope, Instant from, Instant to, boolean excludeBots, int number, int size) {
    ZoneId zone = LinkService.zone();
    List<Visit> visits =
        page(
            scope,
            null,
            from.toEpochMilli(),
            to.toEpochMilli(),
            excludeBots,
            size,
            (int) Math.min(Integer.MAX_VALUE, (long) (number - 1) * size));
    LocalDate first =
        LocalDate.ofInstant(from.isBefore(Instant.EPOCH) ? Instant.EPOCH : from, zone);
    LocalDate last = LocalDate.ofInstant(to.isAfter(END_OF_TIME) ? END_OF_TIME : to, zone);
    return read(
        "the visits' count",
        connection ->
            new Page(visits, VisitStats.listed(connection, scope, first, last, excludeBots)));
  }

  /** Bots' and previews' visits since the statistics began of each of the links that had any. */
  public Map<Long, Long> bots(List<Long> links) {
    if (links.isEmpty()) {
      return Map.of();
    }
    return read("the visit totals", connection -> VisitStats.bots(connection, links));
  }

  /** Bots' and previews' visits since the statistics began of the links of each tag. */
  public Map<String, Long> tagBots() {
    return read("the tags' visit totals", VisitStats::tagBots);
  }

  /** The visits of every day: every link's ({@link VisitStats#ALL_LINKS}) or the orphans'. */
  public DayCount sum(long link) {
    return read("the visit totals", connection -> VisitStats.sum(connection, link));
  }

  /** Today, in {@code SHORTENER_TIME_ZONE}: the days of the statistics are the admin's. */
  public static LocalDate today() {
    return LocalDate.now(LinkService.zone());
  }

  private List<Visit> page(
      VisitScope scope, Long before, long from, long to, boolean excludeBots, int most, int skip) {
    return read(
        "the visits",
        connection ->
            VisitStats.page(connection, scope, before, from, to, excludeBots, most, skip));
  }

  /** A read of the statistics' tables, on a connection of its own. */
  private interface Reading<T> {
    T from(Connection connection) throws SQLException;
  }

  private <T> T read(String what, Reading<T> reading) {
    try (Connection connection = database.getConnection()) {
      return reading.from(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read " + what, e);
    }
  }
}
