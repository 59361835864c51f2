package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.visits.entity.DayCount;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DayChartTest {

  private static final LocalDate MAY_12 = LocalDate.of(2026, 5, 12);

  @Test
  void drawsOneRectPerNonZeroSegment() throws Exception {
    Document chart =
        parse(
            DayChart.svg(
                List.of(
                    new DayCount(MAY_12, 3, 1, 0, 2),
                    new DayCount(MAY_12.plusDays(1), 0, 0, 0, 0),
                    new DayCount(MAY_12.plusDays(2), 0, 4, 2, 0),
                    new DayCount(MAY_12.plusDays(3), 5, 0, 1, 5)),
                "Visits"));
    assertEquals(2, nodes(chart, "//g[@class='chart-bars']//rect[@class='chart-people']"));
    assertEquals(2, nodes(chart, "//g[@class='chart-bars']//rect[@class='chart-bots']"));
    assertEquals(2, nodes(chart, "//g[@class='chart-bars']//rect[@class='chart-previews']"));
    assertEquals(3, nodes(chart, "//g[@class='chart-bars']/g/title"), "a tooltip per busy day");
    assertEquals(
        "12 May 2026: 3 by people (2 unique), 1 by bots, 0 link previews",
        text(chart, "//g[@class='chart-bars']/g[1]/title"));
  }

  @Test
  void barsAreAsTallAsTheirVisitsAndStackPeopleBotsPreviews() throws Exception {
    Document chart =
        parse(
            DayChart.svg(
                List.of(
                    new DayCount(MAY_12, 10, 0, 0, 10),
                    new DayCount(MAY_12.plusDays(1), 7, 9, 4, 7)),
                "Visits"));
    NodeList days = (NodeList) xpath(chart, "//g[@class='chart-bars']/g", XPathConstants.NODESET);
    double single = height((Element) days.item(0));
    double stacked = height((Element) days.item(1));
    assertEquals(2.0, stacked / single, 0.01);

    NodeList segments = ((Element) days.item(1)).getElementsByTagName("rect");
    Element people = (Element) segments.item(0);
    Element bots = (Element) segments.item(1);
    Element previews = (Element) segments.item(2);
    assertEquals("chart-people", people.getAttribute("class"));
    assertEquals("chart-bots", bots.getAttribute("class"));
    assertEquals("chart-previews", previews.getAttribute("class"));
    assertEquals(
        bottom(people), number(chart, "//line[@class='chart-axis']/@y1"), 0.01, "on the axis");
    assertEquals(attr(people, "y"), bottom(bots), 0.01, "bots on people");
    assertEquals(attr(bots, "y"), bottom(previews), 0.01, "previews on bots");
    assertEquals(9.0 / 7, attr(bots, "height") / attr(people, "height"), 0.01);
  }

  @Test
  void ticksAreRoundAndThreeToFive() {
    assertArrayEquals(new long[] {0, 2, 4, 6, 8}, DayChart.ticks(7));
    assertArrayEquals(new long[] {0, 50, 100}, DayChart.ticks(95));
    assertArrayEquals(new long[] {0, 500, 1000, 1500}, DayChart.ticks(1234));
    assertArrayEquals(new long[] {0, 1, 2}, DayChart.ticks(0));
    assertArrayEquals(new long[] {0, 1, 2, 3, 4}, DayChart.ticks(4));
    assertArrayEquals(new long[] {0, 10, 20, 30}, DayChart.ticks(21));
  }

  @Test
  void tickLabelsAreShortAndTheTopTickIsTheTopOfThePlot() throws Exception {
    Document chart = parse(DayChart.svg(List.of(new DayCount(MAY_12, 1234, 0, 0, 1000)), "V"));
    NodeList labels =
        (NodeList) xpath(chart, "//g[@class='chart-ticks']/text", XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < labels.getLength(); i++) {
      texts.add(labels.item(i).getTextContent());
    }
    assertEquals(List.of("0", "500", "1k", "1.5k"), texts);
    double top = number(chart, "//g[@class='chart-grid']/line[4]/@y1");
    double axis = number(chart, "//line[@class='chart-axis']/@y1");
    Element bar = (Element) xpath(chart, "//rect[@class='chart-people']", XPathConstants.NODE);
    assertEquals(1234.0 / 1500, attr(bar, "height") / (axis - top), 0.001);
  }

  @Test
  void escapesTheLabel() throws Exception {
    String label = "<script>alert('x')</script> & \"more\"";
    String svg = DayChart.svg(List.of(new DayCount(MAY_12, 1, 0, 0, 1)), label);
    assertFalse(svg.contains("<script>"), svg);
    assertTrue(svg.contains("&lt;script&gt;"), svg);
    Document chart = parse(svg);
    assertEquals(label, text(chart, "/svg/title"));
    assertEquals("img", text(chart, "/svg/@role"));
    Document bell = parse(DayChart.svg(List.of(new DayCount(MAY_12, 1, 0, 0, 1)), "Ring\u0007"));
    assertEquals("Ring", text(bell, "/svg/title"), "a character XML cannot hold is dropped");
  }

  @Test
  void describesTheWholePeriod() throws Exception {
    List<DayCount> days = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      days.add(new DayCount(MAY_12.plusDays(i), 30, 6, 1, 20));
    }
    days.set(22, new DayCount(MAY_12.plusDays(22), 100, 16, 4, 80));
    days.set(29, new DayCount(MAY_12.plusDays(29), 100, 10, 0, 80));
    Document chart = parse(DayChart.svg(days, "Visits per day, last 30 days"));
    assertEquals(
        "1,266 visits from 12 May to 10 June 2026: 1,040 by people, 194 by bots, 32 link"
            + " previews; the busiest day 3 June with 120",
        text(chart, "/svg/desc"));
    assertEquals(
        List.of("12 May", "18 May", "24 May", "29 May", "4 Jun", "10 Jun"), dayLabels(chart));
  }

  @Test
  void namesTheYearsOfAPeriodAcrossNewYear() throws Exception {
    LocalDate start = LocalDate.of(2025, 12, 31);
    Document chart =
        parse(
            DayChart.svg(
                List.of(
                    new DayCount(start, 1, 0, 0, 1), new DayCount(start.plusDays(1), 0, 0, 1, 0)),
                "V"));
    assertEquals(
        "2 visits from 31 December 2025 to 1 January 2026: 1 by people, 0 by bots, 1 link"
            + " preview; the busiest day 31 December 2025 with 1",
        text(chart, "/svg/desc"));
  }

  @Test
  void showsAWholeLeapYear() throws Exception {
    LocalDate start = LocalDate.of(2028, 1, 1);
    List<DayCount> days = new ArrayList<>();
    for (int i = 0; i < 366; i++) {
      days.add(new DayCount(start.plusDays(i), i % 5, i % 3, i % 2, 0));
    }
    Document chart = parse(DayChart.svg(days, "A year"));
    long busy = days.stream().filter(day -> day.total() > 0).count();
    assertEquals(busy, nodes(chart, "//g[@class='chart-bars']/g"));
    List<String> labels = dayLabels(chart);
    assertEquals(6, labels.size(), labels.toString());
    assertEquals("1 Jan", labels.get(0));
    assertEquals("31 Dec", labels.get(labels.size() - 1));
    NodeList rects =
        (NodeList) xpath(chart, "//g[@class='chart-bars']//rect", XPathConstants.NODESET);
    Element lastBar = (Element) rects.item(rects.getLength() - 1);
    assertTrue(attr(lastBar, "x") + attr(lastBar, "width") <= 712.01, "inside the plot");
  }

  @Test
  void saysSoWhenThereAreNoVisits() throws Exception {
    List<DayCount> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      days.add(new DayCount(MAY_12.plusDays(i), 0, 0, 0, 0));
    }
    Document chart = parse(DayChart.svg(days, "Visits"));
    assertEquals(0, nodes(chart, "//g[@class='chart-bars']//rect"));
    assertEquals("No visits in this period", text(chart, "//text[@class='chart-empty']"));
    assertEquals(1, nodes(chart, "//line[@class='chart-axis']"));
    assertEquals(3, nodes(chart, "//g[@class='chart-grid']/line"));
    assertEquals(7, dayLabels(chart).size(), "a week labels every day");
    assertEquals("No visits from 12 May to 18 May 2026", text(chart, "/svg/desc"));
  }

  @Test
  void givesEveryChartItsOwnIds() throws Exception {
    List<DayCount> day = List.of(new DayCount(MAY_12, 1, 0, 0, 1));
    Document one = parse(DayChart.svg(day, "V"));
    Document two = parse(DayChart.svg(day, "V"));
    String titleId = text(one, "/svg/title/@id");
    assertEquals(titleId, text(one, "/svg/@aria-labelledby"));
    assertEquals(text(one, "/svg/desc/@id"), text(one, "/svg/@aria-describedby"));
    assertNotEquals(titleId, text(two, "/svg/title/@id"));
  }

  @Test
  void refusesNoDaysTooManyAndGaps() {
    assertThrows(IllegalArgumentException.class, () -> DayChart.svg(List.of(), "V"));
    List<DayCount> tooMany = new ArrayList<>();
    for (int i = 0; i < 367; i++) {
      tooMany.add(new DayCount(MAY_12.plusDays(i), 0, 0, 0, 0));
    }
    assertThrows(IllegalArgumentException.class, () -> DayChart.svg(tooMany, "V"));
    List<DayCount> gap =
        List.of(new DayCount(MAY_12, 1, 0, 0, 1), new DayCount(MAY_12.plusDays(2), 1, 0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> DayChart.svg(gap, "V"));
  }

  @Test
  void placesGridTicksBarsAndDayLabelsAtExactCoordinates() throws Exception {
    Document chart =
        parse(
            DayChart.svg(
                List.of(
                    new DayCount(MAY_12, 7, 0, 0, 7), new DayCount(MAY_12.plusDays(1), 3, 0, 0, 3)),
                "V"));
    // Ticks 0..8 over the 138px from y=170 up to y=32: 17.25px a visit.
    List<String> ys = List.of("170", "135.5", "101", "66.5", "32");
    assertEquals(ys, values(chart, "//g[@class='chart-grid']/line/@y1"));
    assertEquals(ys, values(chart, "//g[@class='chart-ticks']/text/@y"));
    assertEquals(
        List.of("46", "46", "46", "46", "46"), values(chart, "//g[@class='chart-ticks']/text/@x"));
    assertEquals(List.of("0", "2", "4", "6", "8"), values(chart, "//g[@class='chart-ticks']/text"));
    // Two 330px slots, bars capped at 48px and centred in them.
    assertEquals(List.of("193", "523"), values(chart, "//g[@class='chart-bars']//rect/@x"));
    assertEquals(List.of("48", "48"), values(chart, "//g[@class='chart-bars']//rect/@width"));
    assertEquals(List.of("49.25", "118.25"), values(chart, "//g[@class='chart-bars']//rect/@y"));
    assertEquals(
        List.of("120.75", "51.75"), values(chart, "//g[@class='chart-bars']//rect/@height"));
    // Every day labelled, centred under its bar.
    assertEquals(List.of("217", "547"), values(chart, "//g[@class='chart-days']/text/@x"));
    assertEquals(
        List.of("middle", "middle"), values(chart, "//g[@class='chart-days']/text/@text-anchor"));
  }

  @Test
  void narrowsBarsToFourFifthsOfTheirSlotAndPinsEdgeLabelsToThePlot() throws Exception {
    List<DayCount> days = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      days.add(new DayCount(MAY_12.plusDays(i), 1, 0, 0, 1));
    }
    Document chart = parse(DayChart.svg(days, "V"));
    // 22px slots, 17.6px bars with 2.2px either side.
    List<String> widths = values(chart, "//g[@class='chart-bars']//rect/@width");
    assertEquals(30, widths.size());
    assertEquals("17.6", widths.get(0));
    List<String> xs = values(chart, "//g[@class='chart-bars']//rect/@x");
    assertEquals("54.2", xs.get(0));
    assertEquals("76.2", xs.get(1));
    assertEquals("692.2", xs.get(29));
    assertEquals(
        List.of("52", "195", "327", "437", "569", "712"),
        values(chart, "//g[@class='chart-days']/text/@x"));
    assertEquals(
        List.of("start", "middle", "middle", "middle", "middle", "end"),
        values(chart, "//g[@class='chart-days']/text/@text-anchor"));
  }

  @Test
  void barsOfFourPixelSlotsAreStillNarrowed() throws Exception {
    List<DayCount> days = new ArrayList<>();
    for (int i = 0; i < 165; i++) {
      days.add(new DayCount(MAY_12.plusDays(i), 1, 0, 0, 1));
    }
    Document chart = parse(DayChart.svg(days, "V"));
    // 660px / 165 days = exactly 4px a slot, which still gets the 80% bar.
    List<String> widths = values(chart, "//g[@class='chart-bars']//rect/@width");
    assertEquals("3.2", widths.get(0));
    assertEquals("52.4", values(chart, "//g[@class='chart-bars']//rect/@x").get(0));
  }

  @Test
  void describesASingleDayWithoutABusiestDay() throws Exception {
    Document chart = parse(DayChart.svg(List.of(new DayCount(MAY_12, 2, 1, 1, 2)), "V"));
    assertEquals(
        "4 visits on 12 May 2026: 2 by people, 1 by bots, 1 link preview",
        text(chart, "/svg/desc"));
  }

  @Test
  void dropsUnpairedSurrogatesFromTheLabel() throws Exception {
    String svg = DayChart.svg(List.of(new DayCount(MAY_12, 1, 0, 0, 1)), "A\uD800B\uDFFFC\uD7FFD");
    assertEquals("ABC\uD7FFD", text(parse(svg), "/svg/title"));
    assertTrue(svg.contains(">ABC\uD7FFD</title>"), svg);
  }

  @Test
  void tickLabelsStopAtBillions() throws Exception {
    Document chart =
        parse(DayChart.svg(List.of(new DayCount(MAY_12, 2_000_000_000_000L, 0, 0, 1)), "V"));
    assertEquals(
        List.of("0", "500B", "1000B", "1500B", "2000B"),
        values(chart, "//g[@class='chart-ticks']/text"));
  }

  private static List<String> values(Document chart, String expression) throws Exception {
    NodeList found = (NodeList) xpath(chart, expression, XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      texts.add(found.item(i).getTextContent());
    }
    return texts;
  }

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static Object xpath(Document chart, String expression, javax.xml.namespace.QName type)
      throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(expression, chart, type);
  }

  private static String text(Document chart, String expression) throws Exception {
    return (String) xpath(chart, expression, XPathConstants.STRING);
  }

  private static double number(Document chart, String expression) throws Exception {
    return (Double) xpath(chart, expression, XPathConstants.NUMBER);
  }

  private static int nodes(Document chart, String expression) throws Exception {
    return ((NodeList) xpath(chart, expression, XPathConstants.NODESET)).getLength();
  }

  private static List<String> dayLabels(Document chart) throws Exception {
    NodeList labels =
        (NodeList) xpath(chart, "//g[@class='chart-days']/text", XPathConstants.NODESET);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < labels.getLength(); i++) {
      texts.add(labels.item(i).getTextContent());
    }
    return texts;
  }

  private static double attr(Element element, String name) {
    return Double.parseDouble(element.getAttribute(name));
  }

  private static double bottom(Element rect) {
    return attr(rect, "y") + attr(rect, "height");
  }

  private static double height(Element day) {
    NodeList rects = day.getElementsByTagName("rect");
    double sum = 0;
    for (int i = 0; i < rects.getLength(); i++) {
      sum += attr((Element) rects.item(i), "height");
    }
    return sum;
  }
}
