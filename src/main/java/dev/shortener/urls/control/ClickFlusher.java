package dev.shortener.urls.control;

import dev.shortener.platform.Database;
import dev.shortener.platform.Setting;
import dev.shortener.platform.SingleWriter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes the clicks counted in memory to the database: every {@code
 * SHORTENER_CLICK_FLUSH_INTERVAL_MS} (default one second) and once more when the application stops.
 *
 * <p>So a crash loses at most one interval of clicks and a clean stop loses none. One JDBC batch in
 * one transaction per flush: at tens of thousands of distinct links clicked a second, one JPQL
 * update per link would cost more than the redirects themselves. A failed flush keeps its counts
 * for the next one.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClickFlusher {

  private static final Logger LOG = Logger.getLogger(ClickFlusher.class.getName());

  @Inject ClickCounter counter;

  @Inject SingleWriter writer;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  @Resource TimerService timers;

  @PostConstruct
  void schedule() {
    long interval = Setting.CLICK_FLUSH_INTERVAL_MS.intValue();
    timers.createIntervalTimer(interval, interval, new TimerConfig("click-flush", false));
  }

  /** Writes every pending click now; also what the timer calls. */
  @Timeout
  public void flush() {
    flush(database::getConnection);
  }

  /**
   * The last flush, through a connection of its own: on SIGTERM Payara Micro takes the
   * application's connection pool down before it destroys this bean, and bench/crash.sh saw the
   * pool refuse this write, losing every click since the previous flush.
   */
  @PreDestroy
  void flushOnStop() {
    flush(Database::openDirectly);
  }

  private void flush(Connections connections) {
    Map<Long, Long> batch = counter.drain();
    if (batch.isEmpty()) {
      return;
    }
    try {
      writer.acquire();
      try {
        write(batch, connections);
      } finally {
        writer.release();
      }
    } catch (SQLException | RuntimeException e) {
      counter.restore(batch);
      LOG.log(Level.WARNING, "Could not write " + batch.size() + " click counts; will retry", e);
    }
  }

  /** Where a flush gets its connection. */
  private interface Connections {
    Connection open() throws SQLException;
  }

  private static void write(Map<Long, Long> batch, Connections connections) throws SQLException {
    // Never inside a container transaction: the timer's flush is NOT_SUPPORTED and the last one
    // uses a connection of its own (TomEE would run a @PreDestroy in a transaction regardless).
    try (Connection connection = connections.open()) {
      connection.setAutoCommit(false);
      try (PreparedStatement update =
          connection.prepareStatement("UPDATE url SET clicks = clicks + ? WHERE id = ?")) {
        // In id order: each UPDATE then lands next to the previous one in the table's B-tree
        for (Map.Entry<Long, Long> clicks : new TreeMap<>(batch).entrySet()) {
          update.setLong(1, clicks.getValue());
          update.setLong(2, clicks.getKey());
          update.addBatch();
        }
        update.executeBatch();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }
}
