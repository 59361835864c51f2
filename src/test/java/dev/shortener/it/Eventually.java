package dev.shortener.it;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls for what the background flush makes true a moment later. A fixed sleep of one or two flush
 * intervals passes on an idle laptop and fails on a loaded CI machine; a deadline of many intervals
 * costs nothing when the answer comes early.
 */
final class Eventually {

  /** Long enough for a flush delayed by a busy machine, short enough to fail a broken one. */
  static final Duration WITHIN = Duration.ofSeconds(30);

  private Eventually() {}

  /** The first answer that is done, or the last answer once {@link #WITHIN} has passed. */
  static <T> T until(Supplier<T> probe, Predicate<T> done) {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    T answer = probe.get();
    while (!done.test(answer) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return answer;
      }
      answer = probe.get();
    }
    return answer;
  }
}
