package dev.shortener.visits.boundary;

import dev.shortener.links.boundary.LinkService;
import dev.shortener.links.entity.Link;
import dev.shortener.visits.control.DayChart;
import dev.shortener.visits.control.VisitScope;
import dev.shortener.visits.control.VisitStats;
import dev.shortener.visits.entity.DayCount;
import dev.shortener.visits.entity.Dimension;
import dev.shortener.visits.entity.TopValue;
import dev.shortener.visits.entity.Visit;
import dev.shortener.visits.entity.VisitKind;
import dev.shortener.web.AdminTimes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Backs the statistics on a link's page ({@code /admin/link?key=...}) and the overview of every
 * link with the orphan visits ({@code /admin/visits}): the period chosen by {@code days} (7, 30, 90
 * or 365; 30 by default), the chart with the same numbers as a table, the top values and the latest
 * visits, older ones by {@code before=<visit>} (a keyset, not an offset).
 */
@Named
@RequestScoped
public class VisitsPage {

  /** Visits in the list of latest visits. */
  static final int LATEST = 20;

  @Inject Visits visits;
  @Inject LinkService links;
  @Inject VisitRecorder recorder;
  @Inject HttpServletRequest request;

  private final AdminTimes times = new AdminTimes(LinkService.zone());
  private int days = 30;
  private Long before;
  private Long linkId;

  /** Each view read once per request, however often the page asks. */
  private View link;

  private View all;
  private View orphans;

  /** One set of statistics: a link's, every link's, or the orphan visits'. */
  public record View(
      String chart,
      List<DayCount> series,
      DayCount totals,
      List<Table> tables,
      List<Row> latest,
      Long older) {}

  /** A top-values table. */
  public record Table(String id, String heading, List<Cell> cells) {}

  /** A value of a top-values table and its share of the period's visits. */
  public record Cell(String label, long visits, String share) {}

  /** A visit as the list of latest visits shows it. */
  public record Row(
      String time,
      String kind,
      String referrer,
      String browser,
      String os,
      String device,
      String country,
      String path) {}

  @PostConstruct
  void load() {
    String asked = request.getParameter("days");
    if (asked != null && Visits.PERIODS.stream().anyMatch(p -> p.toString().equals(asked))) {
      days = Integer.parseInt(asked);
    }
    String older = request.getParameter("before");
    if (older != null && older.matches("[0-9]{1,18}")) {
      before = Long.parseLong(older);
    }
    String key = request.getParameter("key");
    if (key != null) {
      linkId = links.find(key).map(Link::getId).orElse(null);
    }
  }

  /** The chosen period in days. */
  public int getDays() {
    return days;
  }

  /** The periods to choose from. */
  public List<Integer> getPeriods() {
    return Visits.PERIODS;
  }

  /** The link's statistics (on its page), or null for no such link. */
  public View getLink() {
    if (link == null && linkId != null) {
      link = view(linkId, "Visits per day");
    }
    return link;
  }

  /** Every link's statistics together. */
  public View getAll() {
    if (all == null) {
      all = view(VisitStats.ALL_LINKS, "Visits of every link per day");
    }
    return all;
  }

  /** The orphan visits' statistics. */
  public View getOrphans() {
    if (orphans == null) {
      orphans = view(VisitStats.ORPHANS, "Orphan visits per day");
    }
    return orphans;
  }

  /** Visits dropped since the start because the queue was full. */
  public long getDropped() {
    return recorder.dropped();
  }

  private View view(long link, String label) {
    Visits.Statistics statistics = visits.statistics(link, days);
    List<Table> tables = new ArrayList<>();
    for (Map.Entry<Dimension, List<TopValue>> entry : statistics.tops().entrySet()) {
      Dimension dimension = entry.getKey();
      long sum = entry.getValue().stream().mapToLong(TopValue::visits).sum();
      List<Cell> cells = new ArrayList<>();
      for (TopValue value : entry.getValue()) {
        cells.add(new Cell(label(dimension, value), value.visits(), share(value.visits(), sum)));
      }
      tables.add(
          new Table(
              dimension.name().toLowerCase(Locale.ROOT) + "-" + (link < 0 ? "orphans" : "visits"),
              dimension.heading(),
              cells));
    }
    List<Visit> latest = visits.latest(VisitScope.link(link), before, LATEST + 1);
    Long older = latest.size() > LATEST ? latest.get(LATEST - 1).id() : null;
    List<Row> rows = latest.stream().limit(LATEST).map(this::row).toList();
    List<DayCount> newestFirst = new ArrayList<>(statistics.days());
    Collections.reverse(newestFirst);
    return new View(
        DayChart.svg(statistics.days(), label + ", last " + days + " days"),
        newestFirst,
        statistics.totals(),
        tables,
        rows,
        older);
  }

  private Row row(Visit visit) {
    return new Row(
        times.shown(visit.time()),
        kind(visit.kind()),
        Optional.ofNullable(visit.referrer()).orElse(""),
        Optional.ofNullable(visit.browser()).orElse(""),
        Optional.ofNullable(visit.os()).orElse(""),
        Optional.ofNullable(visit.device()).orElse(""),
        visit.country() == null ? "" : countryName(visit.country()),
        Optional.ofNullable(visit.orphanPath()).orElse(""));
  }

  private static String kind(VisitKind kind) {
    return switch (kind) {
      case PERSON -> "Person";
      case BOT -> "Bot";
      case PREVIEW -> "Link preview";
    };
  }

  private static String label(Dimension dimension, TopValue value) {
    if (value.other()) {
      return "Other";
    }
    if (value.none()) {
      return switch (dimension) {
        case REFERRER -> "Direct (no referrer)";
        default -> "Unknown";
      };
    }
    return dimension == Dimension.COUNTRY ? countryName(value.value()) : value.value();
  }

  private static String countryName(String code) {
    String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
  }

  private static String share(long visits, long sum) {
    return sum == 0 ? "0 %" : String.format(Locale.ROOT, "%.0f %%", 100.0 * visits / sum);
  }

  /** The zone the days are counted in, e.g. "Europe/Berlin". */
  public String getZone() {
    return times.zoneName();
  }

  /** A day as the tables show it, e.g. "2026-12-01". */
  public String day(DayCount count) {
    return count.day().toString();
  }
}
