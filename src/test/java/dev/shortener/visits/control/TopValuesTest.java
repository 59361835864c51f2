package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shortener.visits.entity.Dimension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopValuesTest {

  @Test
  void whatIsPackedParsesBackTheSame() {
    TopValues tops = new TopValues();
    tops.add(Dimension.REFERRER, "news.example.org", 3, 20);
    tops.add(Dimension.BROWSER, "Chrome", 2, 20);
    tops.add(Dimension.REFERRER, "-", 1, 20);
    String packed = tops.pack();
    assertEquals("0\tnews.example.org\t3\n0\t-\t1\n1\tChrome\t2\n", packed);
    TopValues back = TopValues.parse(packed);
    assertEquals(Map.of("news.example.org", 3L, "-", 1L), back.of(Dimension.REFERRER));
    assertEquals(Map.of("Chrome", 2L), back.of(Dimension.BROWSER));
    assertEquals(List.of(Dimension.REFERRER, Dimension.BROWSER), list(back.dimensions()));
    assertEquals(packed, back.pack());
  }

  private static List<Dimension> list(Iterable<Dimension> dimensions) {
    List<Dimension> list = new java.util.ArrayList<>();
    dimensions.forEach(list::add);
    return list;
  }

  @Test
  void beyondTheLimitNewValuesAddUpAsOtherAndKnownOnesKeepTheirLine() {
    TopValues tops = new TopValues();
    tops.add(Dimension.OS, "Windows", 1, 2);
    tops.add(Dimension.OS, "iOS", 1, 2);
    tops.add(Dimension.OS, "Android", 4, 2);
    tops.add(Dimension.OS, "Linux", 1, 2);
    tops.add(Dimension.OS, "Windows", 2, 2);
    assertEquals(Map.of("Windows", 3L, "iOS", 1L, "", 5L), tops.of(Dimension.OS));
    TopValues more = new TopValues();
    more.add(Dimension.OS, "iOS", 1, 2);
    more.add(Dimension.OS, "ChromeOS", 2, 2);
    tops.addAll(more, 2);
    assertEquals(Map.of("Windows", 3L, "iOS", 2L, "", 7L), tops.of(Dimension.OS));
  }

  @Test
  void tabsAndLineEndsInAValueCannotBreakThePacking() {
    TopValues tops = new TopValues();
    tops.add(Dimension.PATH, "/a\tb\nc\rd", 1, 9);
    tops.add(Dimension.PATH, "/tab\t", 1, 9);
    tops.add(Dimension.PATH, "/line\n", 1, 9);
    tops.add(Dimension.PATH, "/return\r", 1, 9);
    tops.add(Dimension.PATH, "/plain", 1, 9);
    assertEquals(
        Map.of("/a b c d", 1L, "/tab ", 1L, "/line ", 1L, "/return ", 1L, "/plain", 1L),
        TopValues.parse(tops.pack()).of(Dimension.PATH));
  }

  @Test
  void otherDoesNotCountAsOneOfTheValues() {
    TopValues tops = new TopValues();
    tops.add(Dimension.OS, "", 5, 2);
    tops.add(Dimension.OS, "Linux", 1, 2);
    tops.add(Dimension.OS, "iOS", 1, 2);
    tops.add(Dimension.OS, "Android", 1, 2);
    assertEquals(Map.of("", 6L, "Linux", 1L, "iOS", 1L), tops.of(Dimension.OS));
  }

  @Test
  void aLastLineWithoutItsLineEndAndLinesWithoutBothTabsAreRead() {
    TopValues tops = TopValues.parse("0\ta\t1\nbroken\n\tb\t2\n1\tc\t3");
    assertEquals(Map.of("a", 1L), tops.of(Dimension.REFERRER));
    assertEquals(Map.of("c", 3L), tops.of(Dimension.BROWSER));
    assertEquals(Map.of("x", 12L), TopValues.parse("2\tx\t12\n").of(Dimension.OS));
    assertEquals(Map.of("", 4L), TopValues.parse("2\t\t4").of(Dimension.OS), "other");
  }

  @Test
  void nothingPacksToNullAndNullOrEmptyParseToNothing() {
    assertNull(new TopValues().pack());
    assertNull(TopValues.parse(null).pack());
    assertNull(TopValues.parse("").pack());
    assertEquals(Map.of(), TopValues.parse("garbage\n").of(Dimension.REFERRER));
  }
}
