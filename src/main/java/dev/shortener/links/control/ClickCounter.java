package dev.shortener.links.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Clicks counted in memory until {@link ClickFlusher} writes them, instead of the tutorial's
 * database write per click (which caps redirects at a few hundred a second on SQLite).
 *
 * <p>Holds at most one entry per link clicked since the last flush. {@code merge} and {@code
 * remove} are atomic per key, so a click lands either in the batch being written or in the next
 * one, never in neither.
 */
@ApplicationScoped
public class ClickCounter {

  private final ConcurrentHashMap<Long, Long> pending = new ConcurrentHashMap<>();

  /** One more click on link {@code id}. */
  public void count(long id) {
    pending.merge(id, 1L, Long::sum);
  }

  /** The clicks of link {@code id} counted but not taken by a flush yet. */
  long pending(long id) {
    return pending.getOrDefault(id, 0L);
  }

  /** Takes every pending count out of the counter. */
  Map<Long, Long> drain() {
    Map<Long, Long> batch = new HashMap<>();
    for (Long id : pending.keySet()) {
      Long clicks = pending.remove(id);
      if (clicks != null) {
        batch.put(id, clicks);
      }
    }
    return batch;
  }

  /** Puts back a batch that could not be written, so it goes out with the next flush. */
  void restore(Map<Long, Long> batch) {
    batch.forEach((id, clicks) -> pending.merge(id, clicks, Long::sum));
  }
}
