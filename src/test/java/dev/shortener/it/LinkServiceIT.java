package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.boundary.LinkService;
import dev.shortener.links.boundary.ShortLink;
import dev.shortener.links.control.ClickCounter;
import dev.shortener.links.control.ClickFlusher;
import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkForm;
import dev.shortener.links.control.RedirectCache;
import dev.shortener.links.control.ShortCodes;
import dev.shortener.platform.Database;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The service and its collaborators inside the server, against the real SQLite file. */
@ExtendWith(ArquillianExtension.class)
class LinkServiceIT {

  private static final URI ORIGIN = URI.create("https://sho.rt");

  @Deployment
  static WebArchive deployment() {
    return Deployments.builtWar("linkservice.war").addClass(Deployments.class);
  }

  @Inject LinkService links;
  @Inject ShortCodes codes;
  @Inject RedirectCache redirects;
  @Inject ClickCounter clicks;
  @EJB ClickFlusher flusher;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  private static String unique() {
    return "https://example.com/service/" + UUID.randomUUID() + "?a=1&b=%20";
  }

  @Test
  void shortenStoresTheUrlUnderItsCode() throws InvalidLinkException {
    String url = unique();
    ShortLink link = links.create(LinkForm.of("  " + url + "  "), ORIGIN);
    assertEquals(url, link.getOriginal(), "trimmed");
    assertEquals("https://sho.rt/" + link.getCode(), link.getShortUrl());
    long id = codes.decode(link.getCode());
    assertEquals(url, links.find(id).orElseThrow().getOriginal());
    assertEquals(url, redirects.find(link.getCode()).orElseThrow().location());
    assertEquals(id, redirects.find(link.getCode()).orElseThrow().id());
    assertEquals(0, links.find(id).orElseThrow().getClicks());
  }

  @Test
  void everyRuleRefusesWithoutStoring() {
    long before = links.count();
    String[] refused = {
      null,
      "",
      "ftp://example.com",
      "javascript:alert(1)",
      "https://",
      "https://ex ample.com",
      "https://example.com/\u0000",
      "https://user:pw@example.com",
      "https://example.com/" + "x".repeat(2100)
    };
    for (String input : refused) {
      InvalidLinkException e =
          assertThrows(InvalidLinkException.class, () -> links.create(LinkForm.of(input), ORIGIN));
      assertTrue(!e.getMessage().isBlank(), "a message for " + input);
    }
    assertEquals(before, links.count());
  }

  @Test
  void refusesItsOwnShortLinks() throws InvalidLinkException {
    ShortLink link = links.create(LinkForm.of(unique()), ORIGIN);
    long before = links.count();
    InvalidLinkException e =
        assertThrows(
            InvalidLinkException.class,
            () -> links.create(LinkForm.of(link.getShortUrl()), ORIGIN));
    assertEquals("That is already a short link of this site.", e.getMessage());
    assertEquals(before, links.count());
  }

  @Test
  void countedClicksReachTheDatabaseWhenFlushed() throws InvalidLinkException {
    long id = codes.decode(links.create(LinkForm.of(unique()), ORIGIN).getCode());
    for (int i = 0; i < 5; i++) {
      clicks.count(id);
    }
    flusher.flush();
    assertEquals(5, links.find(id).orElseThrow().getClicks());
  }

  @Test
  void clicksOfSeveralFlushesAddUpWhenReadAndTheReadEmptiesTheLog() throws Exception {
    long id = codes.decode(links.create(LinkForm.of(unique()), ORIGIN).getCode());
    clicks.count(id);
    flusher.flush();
    clicks.count(id);
    clicks.count(id);
    flusher.flush();
    assertEquals(2, loggedRows(id), "each flush appends a row; none is folded yet");
    assertEquals(3, links.find(id).orElseThrow().getClicks());
    assertEquals(0, loggedRows(id), "the read folded the log into the link");
    clicks.count(id);
    flusher.flush();
    assertEquals(
        4,
        links.mostClicked(0, 1000).stream()
            .filter(url -> url.getId() == id)
            .findFirst()
            .orElseThrow()
            .getClicks());
  }

  private long loggedRows(long id) throws SQLException {
    try (Connection connection = database.getConnection();
        PreparedStatement rows =
            connection.prepareStatement("SELECT COUNT(*) FROM click WHERE link_id = ?")) {
      rows.setLong(1, id);
      try (ResultSet count = rows.executeQuery()) {
        count.next();
        return count.getLong(1);
      }
    }
  }

  @Test
  void concurrentCreationsGetDistinctResolvableCodes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    Set<String> codesSeen = ConcurrentHashMap.newKeySet();
    List<Future<?>> tasks = new ArrayList<>();
    try {
      for (int t = 0; t < 16; t++) {
        tasks.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 25; i++) {
                    String url = unique();
                    ShortLink link = links.create(LinkForm.of(url), ORIGIN);
                    assertTrue(codesSeen.add(link.getCode()), "duplicate " + link.getCode());
                    long id = codes.decode(link.getCode());
                    assertEquals(url, links.find(id).orElseThrow().getOriginal());
                    assertEquals(url, redirects.find(link.getCode()).orElseThrow().location());
                  }
                  return null;
                }));
      }
      for (Future<?> task : tasks) {
        task.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(400, codesSeen.size());
  }
}
