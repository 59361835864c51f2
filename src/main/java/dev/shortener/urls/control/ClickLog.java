package dev.shortener.urls.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The SQL of the {@code click} table, where {@link ClickFlusher} appends the counts of each flush
 * and from which it later folds them into {@code url.clicks}.
 *
 * <p>Why a log: updating {@code url.clicks} in place costs a page write per link clicked, in the
 * table and in its most-clicked index, and a flush of clicks spread over a million links touches
 * thousands of pages: bench/run.sh measured about 15 µs of SQLite work per clicked link, a third of
 * a core at 18,000 links a second. Appending the same counts costs about 1 µs a row, and one fold
 * adds up many flushes, so each link's page is written once per fold rather than once per second. A
 * link's clicks are {@code url.clicks} plus its rows here.
 */
final class ClickLog {

  private ClickLog() {}

  /** Appends one row per link of {@code batch}; the caller commits. */
  static void append(Connection connection, Map<Long, Long> batch) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO click (url_id, clicks) VALUES (?, ?)")) {
      for (Map.Entry<Long, Long> clicks : batch.entrySet()) {
        insert.setLong(1, clicks.getKey());
        insert.setLong(2, clicks.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /**
   * Adds every logged count to its link's {@code url.clicks} and empties the log; the caller
   * commits, so the counts move in one step and are never counted twice or lost.
   */
  static void fold(Connection connection) throws SQLException {
    try (Statement fold = connection.createStatement()) {
      fold.executeUpdate(
          "UPDATE url SET clicks = url.clicks + logged.added"
              + " FROM (SELECT url_id, SUM(clicks) AS added FROM click GROUP BY url_id) AS logged"
              + " WHERE url.id = logged.url_id");
      fold.executeUpdate("DELETE FROM click");
    }
  }
}
