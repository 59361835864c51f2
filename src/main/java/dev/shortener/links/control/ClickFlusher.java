package dev.shortener.links.control;

import dev.shortener.platform.Database;
import dev.shortener.platform.Dialect;
import dev.shortener.platform.FlushWork;
import dev.shortener.platform.Setting;
import dev.shortener.platform.SingleWriter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes the clicks counted in memory to the database, and in the same transaction what each {@link
 * FlushWork} has waiting (the visits): every {@code SHORTENER_CLICK_FLUSH_INTERVAL_MS} (default one
 * second) and once more when the application stops.
 *
 * <p>So a crash loses at most one interval of clicks and a clean stop loses none. A flush appends
 * its counts to the {@link ClickLog} in one transaction; the log is folded into {@code link.clicks}
 * once it holds {@value #FOLD_AFTER_ROWS} rows, and before anything reads click counts ({@link
 * #fold}). A failed flush keeps its counts for the next one.
 *
 * <p>A container-managed singleton: flushes and folds never overlap.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClickFlusher {

  /**
   * Log rows that trigger a fold. Under clicks spread evenly over a million links, the worst case,
   * a fold of this many rows takes about a second on SQLite (2.5 to 4 s of PostgreSQL's CPU) and
   * comes every half minute; under real traffic, skewed towards few links, it comes far more
   * rarely.
   */
  static final int FOLD_AFTER_ROWS = 500_000;

  private static final Logger LOG = Logger.getLogger(ClickFlusher.class.getName());

  @Inject ClickCounter counter;

  @Inject SingleWriter writer;

  @Inject @Any Instance<FlushWork> available;

  /** What else the flush writes in its transaction: the visits, for their statistics. */
  List<FlushWork> works = List.of();

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  @Resource TimerService timers;

  /**
   * Whether other servers append to the same log (PostgreSQL): then a read folds even when this
   * server logged nothing, or it would show none of their clicks until its own next fold.
   */
  boolean shared = Dialect.configured().shared();

  /**
   * Rows appended since the last fold. Unknown at start, when the log may hold rows from before, so
   * counted as full: the first flush folds.
   */
  private long loggedSinceFold = FOLD_AFTER_ROWS;

  /**
   * Schedules the flushes, the first one at once. Its fold also loads {@link ClickLog} while the
   * application's class loader still serves classes: when Payara Micro stops, the last flush could
   * no longer load it, and bench/crash.sh saw a clean stop lose every click to a {@code
   * NoClassDefFoundError}. (Not a fold right here: Payara runs this callback in a transaction.)
   */
  @PostConstruct
  void schedule() {
    works = available.stream().toList();
    long interval = Setting.CLICK_FLUSH_INTERVAL_MS.intValue();
    timers.createIntervalTimer(0, interval, new TimerConfig("click-flush", false));
  }

  /** Writes every pending click now; also what the timer calls. */
  @Timeout
  public void flush() {
    flush(database::getConnection);
    if (loggedSinceFold >= FOLD_AFTER_ROWS) {
      fold();
    }
  }

  /**
   * Moves the logged clicks into {@code link.clicks}, so that queries of that column see every
   * click flushed so far. A failed fold leaves the log as it was, for the next one.
   */
  public void fold() {
    if (loggedSinceFold == 0 && !shared) {
      return;
    }
    try {
      write(database::getConnection, ClickLog::fold);
      loggedSinceFold = 0;
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not fold the click log into the links; will retry", e);
    }
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
    List<FlushWork.Batch> riders = new ArrayList<>();
    for (FlushWork work : works) {
      try {
        FlushWork.Batch taken = work.take();
        if (taken != null) {
          riders.add(taken);
        }
      } catch (RuntimeException | LinkageError e) {
        LOG.log(Level.WARNING, "Could not take the work of " + work + " for this flush", e);
      }
    }
    if (batch.isEmpty() && riders.isEmpty()) {
      return;
    }
    List<FlushWork.Batch> failed = new ArrayList<>();
    try {
      write(
          connections,
          connection -> {
            if (!batch.isEmpty()) {
              ClickLog.append(connection, batch);
            }
            for (FlushWork.Batch rider : riders) {
              ride(connection, rider, failed);
            }
          });
      loggedSinceFold += batch.size();
      for (FlushWork.Batch rider : riders) {
        if (failed.contains(rider)) {
          rider.putBack();
        } else {
          rider.committed();
        }
      }
    } catch (SQLException | RuntimeException e) {
      counter.restore(batch);
      riders.forEach(FlushWork.Batch::putBack);
      LOG.log(Level.WARNING, "Could not write " + batch.size() + " click counts; will retry", e);
    }
  }

  /**
   * Writes {@code rider} behind a savepoint: if it fails, what it wrote is undone and the clicks
   * are committed without it, so a fault in the statistics never costs a click. {@code
   * LinkageError} too: at a stop, a class the application's loader no longer serves.
   */
  private static void ride(
      Connection connection, FlushWork.Batch rider, List<FlushWork.Batch> failed)
      throws SQLException {
    Savepoint before = connection.setSavepoint();
    try {
      rider.write(connection);
      connection.releaseSavepoint(before);
    } catch (SQLException | RuntimeException | LinkageError e) {
      connection.rollback(before);
      failed.add(rider);
      LOG.log(Level.WARNING, "Could not write " + rider + " with the clicks; will retry", e);
    }
  }

  /** Where a flush gets its connection. */
  private interface Connections {
    Connection open() throws SQLException;
  }

  /** SQL run by {@link #write}. */
  private interface Work {
    void run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction of its own, holding SQLite's one write permit. */
  private void write(Connections connections, Work work) throws SQLException {
    writer.acquire();
    // Never inside a container transaction: this bean's methods are NOT_SUPPORTED and the last
    // flush uses a connection of its own (TomEE would run a @PreDestroy in a transaction
    // regardless).
    try (Connection connection = connections.open()) {
      connection.setAutoCommit(false);
      try {
        work.run(connection);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
          connection.setAutoCommit(true);
        } catch (SQLException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
      connection.setAutoCommit(true);
    } finally {
      writer.release();
    }
  }
}
