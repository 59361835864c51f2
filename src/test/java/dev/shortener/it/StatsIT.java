package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin's statistics over several pages: most clicked first, each link once, sane paging. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatsIT {

  private static final Pattern ROW =
      Pattern.compile(
          "<td class=\"short\">\\s*<a href=\"[^\"]*/([0-9A-Za-z_-]+)\">.*?<td class=\"text-end clicks\">(\\d+)</td>",
          Pattern.DOTALL);
  private static final Pattern PAGES = Pattern.compile("Page (\\d+) of (\\d+)");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  /** The rows of one stats page, code to clicks, in the order shown. */
  private static Map<String, Long> rows(HttpResponse<String> page) {
    Map<String, Long> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(page.body());
    while (row.find()) {
      rows.put(row.group(1), Long.parseLong(row.group(2)));
    }
    return rows;
  }

  private static int[] pageOf(HttpResponse<String> page) {
    Matcher pages = PAGES.matcher(page.body());
    return pages.find()
        ? new int[] {Integer.parseInt(pages.group(1)), Integer.parseInt(pages.group(2))}
        : new int[] {1, 1};
  }

  @Test
  void everyLinkAppearsOnceMostClickedFirstAcrossThePages() throws Exception {
    Admin admin = Admin.signIn(base.toURI());
    Site visitor = new Site(base.toURI());
    List<String> clicked = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String path =
          URI.create(admin.site.shortLinkOf("https://example.com/stats/" + UUID.randomUUID()))
              .getPath();
      for (int click = 0; click < i % 4; click++) {
        assertEquals(302, visitor.get(path).statusCode());
      }
      clicked.add(path.substring(1));
    }
    // Until every click is flushed (once a second), at most thirty seconds. Meanwhile a flush
    // between
    // two pages reorders them, so a link may show twice or not at all: only once the counts stand
    // still must every link appear once.
    for (int attempt = 0; attempt < 150; attempt++) {
      Map<String, Long> rows;
      try {
        rows = allRows(admin);
      } catch (AssertionError reorderedMeanwhile) {
        Thread.sleep(200);
        continue;
      }
      boolean flushed = true;
      for (int i = 0; i < 60; i++) {
        flushed &= Long.valueOf(i % 4).equals(rows.get(clicked.get(i)));
      }
      if (flushed) {
        break;
      }
      Thread.sleep(200);
    }

    Map<String, Long> all = allRows(admin);
    long total = admin.totalLinks();
    assertEquals(total, all.size(), "every link exactly once over all pages");
    List<Long> counts = new ArrayList<>(all.values());
    for (int i = 1; i < counts.size(); i++) {
      assertTrue(
          counts.get(i - 1) >= counts.get(i), "most clicked first, at row " + i + ": " + counts);
    }
    for (int i = 0; i < 60; i++) {
      assertEquals(i % 4, all.get(clicked.get(i)), "clicks of link " + i);
    }
  }

  private Map<String, Long> allRows(Admin admin) {
    Map<String, Long> all = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    HttpResponse<String> first = admin.site.get("/stats?page=1");
    int pages = pageOf(first)[1];
    for (int page = 1; page <= pages; page++) {
      Map<String, Long> rows = rows(admin.site.get("/stats?page=" + page));
      assertTrue(rows.size() <= 50, "50 a page");
      for (Map.Entry<String, Long> row : rows.entrySet()) {
        assertTrue(seen.add(row.getKey()), row.getKey() + " twice, again on page " + page);
        all.put(row.getKey(), row.getValue());
      }
    }
    return all;
  }

  @Test
  void pageNumbersOutOfRangeShowTheNearestPage() throws Exception {
    Admin admin = Admin.signIn(base.toURI());
    for (int i = 0; i < 51; i++) {
      admin.site.shortLinkOf("https://example.com/pages/" + UUID.randomUUID());
    }
    HttpResponse<String> first = admin.site.get("/stats");
    int pages = pageOf(first)[1];
    assertTrue(pages >= 2);
    assertEquals(rows(first).keySet(), rows(admin.site.get("/stats?page=0")).keySet());
    assertEquals(rows(first).keySet(), rows(admin.site.get("/stats?page=-7")).keySet());
    assertEquals(rows(first).keySet(), rows(admin.site.get("/stats?page=lots")).keySet());
    HttpResponse<String> beyond = admin.site.get("/stats?page=999999999");
    assertEquals(200, beyond.statusCode());
    assertEquals(pages, pageOf(beyond)[0], "the last page");
    assertEquals(rows(admin.site.get("/stats?page=" + pages)).keySet(), rows(beyond).keySet());
  }
}
