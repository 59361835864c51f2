package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.SingleWriter;
import dev.shortener.platform.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitLimitsTest {

  @TempDir Path folder;

  private LinkStore store() {
    LinkStore store = new LinkStore();
    store.database = TestDatabase.migrated(folder);
    store.writer = new SingleWriter();
    return store;
  }

  private static long cappedLink(LinkStore store, long max) throws Exception {
    return store.insert(
        new LinkValues(
            "https://example.com/",
            null,
            null,
            List.of(),
            null,
            null,
            max,
            null,
            null,
            302,
            false,
            false,
            false),
        1);
  }

  private static Redirect capped(long id, long max) {
    return new Redirect(
        id,
        "https://example.com/",
        "example.com",
        0,
        false,
        302,
        false,
        false,
        false,
        0,
        0,
        max,
        null,
        null,
        false);
  }

  @Test
  void theCapHoldsToTheClickCountingWhatWasWrittenAndWhatIsPending() throws Exception {
    LinkStore store = store();
    long id = cappedLink(store, 5);
    ClickCounter clicks = new ClickCounter();
    clicks.count(id);
    VisitLimits limits = new VisitLimits();
    limits.store = store;
    limits.clicks = clicks;
    // One visit pending in the counter: four more, then the cap.
    Redirect redirect = capped(id, 5);
    for (int i = 0; i < 4; i++) {
      assertTrue(limits.take(redirect), "visit " + (i + 2));
    }
    assertTrue(limits.reached(redirect));
    assertFalse(limits.take(redirect));
    assertFalse(limits.take(redirect), "a refused visit does not count");

    limits.forget(new LinkChanged(id, null, null, false));
    assertFalse(limits.reached(capped(id, 5)), "read again: only the pending one is known");
    assertTrue(limits.reached(capped(id, 1)), "a lower cap after an edit");
  }

  @Test
  void onASharedDatabaseTheCountTakesInOtherServersVisitsOnceAFlushIntervalOld() throws Exception {
    LinkStore store = store();
    long id = cappedLink(store, 10);
    VisitLimits limits = new VisitLimits();
    limits.store = store;
    limits.clicks = new ClickCounter();
    limits.rereadMillis = 1000;
    long[] now = {5_000};
    limits.clock = () -> now[0];
    Redirect redirect = capped(id, 10);
    assertTrue(limits.take(redirect), "the first visit");
    // Another server flushes nine visits of the link.
    try (Connection connection = store.database.getConnection();
        Statement insert = connection.createStatement()) {
      insert.executeUpdate("INSERT INTO click (link_id, clicks) VALUES (" + id + ", 9)");
    }
    now[0] += 999;
    assertTrue(limits.take(redirect), "within the interval, this server's own count: two");
    now[0] += 1;
    assertTrue(limits.take(redirect), "read again, the nine written, and this visit: ten");
    assertFalse(limits.take(redirect), "the cap");
  }
}
