package dev.shortener.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of permits to write, each waited for at most a set time: a writer that cannot get
 * one in that time fails with a message rather than hanging its request.
 */
public final class Permits {

  private final Semaphore permits;

  private final Duration wait;

  private final String purpose;

  /**
   * {@code count} permits, waited for at most {@code wait}; {@code purpose} ends the message of a
   * wait that ran out, as in "Waited 30 s for {@code purpose}".
   */
  public Permits(int count, Duration wait, String purpose) {
    this.permits = new Semaphore(count);
    this.wait = wait;
    this.purpose = purpose;
  }

  /** Waits for a permit; pair with {@link #release} in a finally block. */
  public void acquire() {
    try {
      if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("Waited " + describe(wait) + " for " + purpose);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for " + purpose, e);
    }
  }

  /** Gives back a permit taken by {@link #acquire}. */
  public void release() {
    permits.release();
  }

  private static String describe(Duration wait) {
    return wait.toMillis() % 1000 == 0 ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
  }
}
