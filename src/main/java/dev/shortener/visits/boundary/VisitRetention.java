package dev.shortener.visits.boundary;

import dev.shortener.platform.Database;
import dev.shortener.platform.Setting;
import dev.shortener.platform.SingleWriter;
import dev.shortener.visits.control.VisitStats;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Deletes single visits older than {@code SHORTENER_VISIT_RETENTION_DAYS}, every ten minutes, in
 * batches of {@value #BATCH} with a transaction (and SQLite's write permit) each, so neither the
 * click flush nor a creation waits long behind it. The daily aggregates stay.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class VisitRetention {

  static final int BATCH = 5_000;

  /** Batches per run at most: a first run over years of visits spreads over several runs. */
  static final int BATCHES = 200;

  private static final Logger LOG = Logger.getLogger(VisitRetention.class.getName());

  @Inject SingleWriter writer;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  @Resource TimerService timers;

  private long retention;

  @PostConstruct
  void schedule() {
    retention = TimeUnit.DAYS.toMillis(Setting.VISIT_RETENTION_DAYS.intValue());
    long every = TimeUnit.MINUTES.toMillis(10);
    timers.createIntervalTimer(
        TimeUnit.MINUTES.toMillis(1), every, new TimerConfig("visit-retention", false));
  }

  /** Purges what the retention has passed; what the timer calls. */
  @Timeout
  void onTimer() {
    long purged = purge();
    if (purged > 0) {
      LOG.info(() -> "Purged " + purged + " visits older than the retention");
    }
  }

  /** Purges what the retention has passed and says how many visits went. */
  public long purge() {
    long cutoff = System.currentTimeMillis() - retention;
    long purged = 0;
    try {
      for (int batch = 0; batch < BATCHES; batch++) {
        int deleted = purgeBatch(cutoff);
        purged += deleted;
        if (deleted < BATCH) {
          break;
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not purge old visits; will retry", e);
    }
    return purged;
  }

  private int purgeBatch(long cutoff) throws SQLException {
    writer.acquire();
    try (Connection connection = database.getConnection()) {
      return VisitStats.purge(connection, cutoff, BATCH);
    } finally {
      writer.release();
    }
  }
}
