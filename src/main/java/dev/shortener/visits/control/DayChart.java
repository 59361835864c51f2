package dev.shortener.visits.control;

import dev.shortener.visits.entity.DayCount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Draws visits per day as an inline SVG of stacked bars (people at the bottom, then bots, then link
 * previews), with a y-axis of round ticks, date labels below and its own legend above the bars.
 * Colours and text styles come from the {@code day-chart} and {@code chart-*} classes in app.css,
 * so the chart follows the light and dark schemes; screen readers get the title and a one-sentence
 * summary instead of the bars.
 *
 * <p>Rendered on the server so the statistics pages need no JavaScript and no chart library.
 */
public final class DayChart {

  private static final int WIDTH = 720;
  private static final int HEIGHT = 200;

  // Room for tick and date labels at the 20px that app.css gives chart text on phones.
  private static final int LEFT = 52;
  private static final int RIGHT = 712;
  private static final int TOP = 32;
  private static final int BOTTOM = 170;

  /** Bars never get wider than this, so a week's chart does not look like a wall. */
  private static final double MAX_BAR = 48;

  private static final String[] MONTHS = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
  };

  /** Numbers the charts of one JVM, so two charts on one page never share an id. */
  private static final AtomicLong CHARTS = new AtomicLong();

  private DayChart() {}

  /**
   * An {@code <svg>} element, to be written unescaped into a page, of the days' visits.
   *
   * @param days contiguous and oldest first, 1 to 366 of them; days without visits are present with
   *     zeros
   * @param label names the chart for assistive technology, e.g. "Visits per day, last 30 days"
   * @throws IllegalArgumentException when {@code days} is empty, too long or has gaps
   */
  public static String svg(List<DayCount> days, String label) {
    if (days.isEmpty() || days.size() > 366) {
      throw new IllegalArgumentException("A chart shows 1 to 366 days, not " + days.size());
    }
    LocalDate first = days.get(0).day();
    for (int i = 1; i < days.size(); i++) {
      if (!days.get(i).day().equals(first.plusDays(i))) {
        throw new IllegalArgumentException("Day " + days.get(i).day() + " is out of sequence");
      }
    }
    String id = "day-chart-" + CHARTS.incrementAndGet();
    long max = days.stream().mapToLong(DayCount::total).max().orElse(0);
    long[] ticks = ticks(max);
    double scale = (BOTTOM - TOP) / (double) ticks[ticks.length - 1];
    double slot = (RIGHT - LEFT) / (double) days.size();

    StringBuilder svg = new StringBuilder(512 + 160 * days.size());
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"day-chart\" role=\"img\"")
        .append(" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"100%\"")
        .append(" preserveAspectRatio=\"xMidYMid meet\"")
        .append(" aria-labelledby=\"" + id + "-title\" aria-describedby=\"" + id + "-desc\">")
        .append("<title id=\"" + id + "-title\">" + escape(label) + "</title>")
        .append("<desc id=\"" + id + "-desc\">" + summary(days) + "</desc>");
    // One text run, so the swatches and names keep their spacing at any font size.
    svg.append("<text class=\"chart-legend\" x=\"" + LEFT + "\" y=\"18\">")
        .append("<tspan class=\"chart-people\">&#x25A0;</tspan> People")
        .append("<tspan class=\"chart-bots\" dx=\"1em\">&#x25A0;</tspan> Bots")
        .append("<tspan class=\"chart-previews\" dx=\"1em\">&#x25A0;</tspan> Link previews")
        .append("</text>");
    svg.append("<g class=\"chart-grid\">");
    for (long tick : ticks) {
      String y = number(BOTTOM - tick * scale);
      svg.append("<line x1=\"" + LEFT + "\" x2=\"" + RIGHT + "\" y1=\"" + y + "\" y2=\"" + y)
          .append("\"/>");
    }
    svg.append("</g><g class=\"chart-ticks\" text-anchor=\"end\">");
    for (long tick : ticks) {
      svg.append("<text x=\"" + (LEFT - 6) + "\" y=\"" + number(BOTTOM - tick * scale))
          .append("\" dy=\".35em\">" + tickLabel(tick) + "</text>");
    }
    svg.append("</g><g class=\"chart-bars\">");
    double barWidth = Math.min(MAX_BAR, slot < 4 ? slot : slot * 0.8);
    for (int i = 0; i < days.size(); i++) {
      DayCount day = days.get(i);
      if (day.total() == 0) {
        continue;
      }
      String x = number(LEFT + i * slot + (slot - barWidth) / 2);
      svg.append("<g><title>" + tooltip(day) + "</title>");
      long below = 0;
      long[] segments = {day.people(), day.bots(), day.previews()};
      String[] classes = {"chart-people", "chart-bots", "chart-previews"};
      for (int s = 0; s < segments.length; s++) {
        if (segments[s] == 0) {
          continue;
        }
        // Both edges from the running total, so rounding never piles up along a stack.
        double bottom = BOTTOM - below * scale;
        below += segments[s];
        double top = BOTTOM - below * scale;
        svg.append("<rect class=\"" + classes[s] + "\" x=\"" + x + "\" y=\"" + number(top))
            .append("\" width=\"" + number(barWidth) + "\" height=\"" + number(bottom - top))
            .append("\"/>");
      }
      svg.append("</g>");
    }
    svg.append("</g><line class=\"chart-axis\" x1=\"" + LEFT + "\" x2=\"" + RIGHT + "\" y1=\"")
        .append(BOTTOM + "\" y2=\"" + BOTTOM + "\"/>");
    svg.append("<g class=\"chart-days\">");
    int last = days.size() - 1;
    // Six labels, evenly spread, leave room for "30 Sep" at the phone size even on 366 thin bars.
    int labels = days.size() <= 7 ? days.size() : 6;
    boolean everyDay = labels == days.size();
    for (int k = 0; k < labels; k++) {
      int i = labels == 1 ? 0 : Math.round(k * last / (float) (labels - 1));
      String anchor = "middle";
      double x = LEFT + (i + 0.5) * slot;
      // Edge labels of thin bars align with the plot's edges instead of spilling past them.
      if (!everyDay && i == 0) {
        anchor = "start";
        x = LEFT;
      } else if (!everyDay && i == last) {
        anchor = "end";
        x = RIGHT;
      }
      svg.append("<text x=\"" + number(x) + "\" y=\"" + (BOTTOM + 4) + "\" dy=\"1em\"")
          .append(" text-anchor=\"" + anchor + "\">" + shortDate(days.get(i).day()))
          .append("</text>");
    }
    svg.append("</g>");
    if (max == 0) {
      // Halfway between the middle and the top grid line, so no line strikes the text through.
      svg.append("<text class=\"chart-empty\" x=\"" + (LEFT + RIGHT) / 2 + "\" y=\"")
          .append((3 * TOP + BOTTOM) / 4 + "\" dy=\".35em\" text-anchor=\"middle\">")
          .append("No visits in this period</text>");
    }
    return svg.append("</svg>").toString();
  }

  /**
   * The y-axis ticks from 0 for a tallest bar of {@code max}: 3 to 5 values a step of 1, 2 or 5
   * times a power of ten apart, the last one at or above {@code max}.
   */
  static long[] ticks(long max) {
    long step = 1;
    for (int i = 0; (max + step - 1) / step > 4; i++) {
      step = (i % 3 == 1) ? step / 2 * 5 : step * 2;
    }
    int count = (int) Math.max(2, (max + step - 1) / step);
    long[] ticks = new long[count + 1];
    for (int i = 0; i <= count; i++) {
      ticks[i] = i * step;
    }
    return ticks;
  }

  private static String tickLabel(long value) {
    String[] units = {"", "k", "M", "B"};
    int unit = 0;
    long divisor = 1;
    while (unit < units.length - 1 && value >= divisor * 1000) {
      divisor *= 1000;
      unit++;
    }
    return BigDecimal.valueOf(value)
            .divide(BigDecimal.valueOf(divisor))
            .stripTrailingZeros()
            .toPlainString()
        + units[unit];
  }

  private static String summary(List<DayCount> days) {
    LocalDate first = days.get(0).day();
    LocalDate last = days.get(days.size() - 1).day();
    boolean twoYears = first.getYear() != last.getYear();
    String period =
        days.size() == 1
            ? "on " + longDate(first, true)
            : "from " + longDate(first, twoYears) + " to " + longDate(last, true);
    long people = days.stream().mapToLong(DayCount::people).sum();
    long bots = days.stream().mapToLong(DayCount::bots).sum();
    long previews = days.stream().mapToLong(DayCount::previews).sum();
    long total = people + bots + previews;
    if (total == 0) {
      return "No visits " + period;
    }
    String text =
        String.format(
            Locale.ROOT,
            "%s %s: %s by people, %s by bots, %s",
            count(total, "visit"),
            period,
            grouped(people),
            grouped(bots),
            count(previews, "link preview"));
    if (days.size() == 1) {
      return text;
    }
    DayCount busiest = days.get(0);
    for (DayCount day : days) {
      if (day.total() > busiest.total()) {
        busiest = day;
      }
    }
    return text
        + "; the busiest day "
        + longDate(busiest.day(), twoYears)
        + " with "
        + grouped(busiest.total());
  }

  private static String tooltip(DayCount day) {
    String uniques = day.people() == 0 ? "" : " (" + grouped(day.uniques()) + " unique)";
    return String.format(
        Locale.ROOT,
        "%s: %s by people%s, %s by bots, %s",
        longDate(day.day(), true),
        grouped(day.people()),
        uniques,
        grouped(day.bots()),
        count(day.previews(), "link preview"));
  }

  private static String count(long n, String noun) {
    return grouped(n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String shortDate(LocalDate day) {
    return day.getDayOfMonth() + " " + MONTHS[day.getMonthValue() - 1].substring(0, 3);
  }

  private static String longDate(LocalDate day, boolean withYear) {
    String date = day.getDayOfMonth() + " " + MONTHS[day.getMonthValue() - 1];
    return withYear ? date + " " + day.getYear() : date;
  }

  /** A coordinate with at most two decimals and never an exponent or a locale's comma. */
  private static String number(double value) {
    return BigDecimal.valueOf(Math.round(value * 100), 2).stripTrailingZeros().toPlainString();
  }

  /** Escapes markup and drops the characters XML 1.0 cannot hold at all. */
  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int c : text.codePoints().toArray()) {
      boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
      boolean unpaired = c >= 0xD800 && c <= 0xDFFF;
      if (c == '<') {
        escaped.append("&lt;");
      } else if (c == '>') {
        escaped.append("&gt;");
      } else if (c == '&') {
        escaped.append("&amp;");
      } else if (!control && !unpaired && c != 0xFFFE && c != 0xFFFF) {
        escaped.appendCodePoint(c);
      }
    }
    return escaped.toString();
  }
}
