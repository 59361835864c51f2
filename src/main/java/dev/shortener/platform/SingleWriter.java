package dev.shortener.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Lets one statement at a time write to the SQLite file, queueing the others in Java.
 *
 * <p>SQLite has a single writer; a second connection that tries to write gets SQLITE_BUSY, and the
 * busy timeout makes it sleep 1, 2, 5, 10, ... ms before trying again, so under concurrent link
 * creation most of the time went to sleeping rather than writing (bench/run.sh's profile: the
 * creating threads parked in SQLite's busy handler). Queued here, the next writer starts the moment
 * the previous one is done. Every writer of the application goes through it: link creation and the
 * click flush.
 *
 * <p>On PostgreSQL, which takes many writers at once, there is no permit: {@link #acquire} and
 * {@link #release} do nothing.
 */
@ApplicationScoped
public class SingleWriter {

  /** As long as SQLite itself would wait for the lock before giving up. */
  private final Permits permit =
      new Permits(
          1, Duration.ofMillis(SQLiteFileDataSource.BUSY_TIMEOUT_MS), "the database write lock");

  private final boolean serializes;

  /** A writer for the configured database. */
  public SingleWriter() {
    this(Dialect.configured().singleWriter());
  }

  /** A writer that queues writers when {@code serializes}, else lets them all through. */
  public SingleWriter(boolean serializes) {
    this.serializes = serializes;
  }

  /** Whether writers queue here, one at a time (SQLite). */
  public boolean serializes() {
    return serializes;
  }

  /** Waits for the write permit; pair with {@link #release} in a finally block. */
  public void acquire() {
    if (serializes) {
      permit.acquire();
    }
  }

  /** Gives back the permit taken by {@link #acquire}. */
  public void release() {
    if (serializes) {
      permit.release();
    }
  }
}
