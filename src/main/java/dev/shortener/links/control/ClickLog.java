package dev.shortener.links.control;

import dev.shortener.platform.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The SQL of the {@code click} table, where {@link ClickFlusher} appends the counts of each flush
 * and from which it later folds them into {@code link.clicks}.
 *
 * <p>Why a log: updating {@code link.clicks} in place costs a page write per link clicked, in the
 * table and in its most-clicked index, and a flush of clicks spread over a million links touches
 * thousands of pages: bench/run.sh measured about 15 µs of SQLite work per clicked link, a third of
 * a core at 18,000 links a second. Appending the same counts costs about 1 µs a row, and one fold
 * adds up many flushes, so each link's page is written once per fold rather than once per second. A
 * link's clicks are {@code link.clicks} plus its rows here.
 */
final class ClickLog {

  private ClickLog() {}

  /** Appends one row per link of {@code batch}, the way its database takes rows fastest. */
  static void append(Connection connection, Map<Long, Long> batch) throws SQLException {
    Dialect.configured().appendClicks(connection, batch);
  }

  /**
   * Adds every logged count to its link's {@code link.clicks} and empties the log; the caller
   * commits, so the counts move in one step and are never counted twice or lost.
   */
  static void fold(Connection connection) throws SQLException {
    try (Statement fold = connection.createStatement()) {
      for (String statement : Dialect.configured().foldClicks()) {
        fold.executeUpdate(statement);
      }
    }
  }
}
