package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.SingleWriter;
import dev.shortener.platform.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitLimitsTest {

  @TempDir Path folder;

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
    LinkStore store = new LinkStore();
    store.database = TestDatabase.migrated(folder);
    store.writer = new SingleWriter();
    long id =
        store.insert(
            new LinkValues(
                "https://example.com/",
                null,
                null,
                List.of(),
                null,
                null,
                5L,
                null,
                null,
                302,
                false,
                false,
                false),
            1);
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
}
