package dev.shortener.links.control;

import dev.shortener.platform.Database;
import dev.shortener.platform.Dialect;
import dev.shortener.platform.SchemaReady;
import dev.shortener.platform.Setting;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Other app servers' changes to links, on a PostgreSQL database they share: the trigger {@code
 * link_notice} (migrations V4 and V5) announces every edit and deletion on channel {@value
 * #CHANNEL} when its transaction commits, and this server's listener applies them to what it holds
 * in memory, as its own changes are ({@link LinkChanged}), within moments. Creations are not
 * announced: a server looks a link it does not know up in the database, and believes its absence
 * for {@value RedirectCache#ABSENT_SECONDS} seconds only.
 *
 * <p>PostgreSQL's own notifications rather than a message broker or a cache cluster: the database
 * every server already needs delivers each notice exactly to the servers connected at the commit,
 * in commit order, with no further infrastructure. What it cannot do is hold notices for a server
 * that was not listening, so the listener has a connection of its own, outside the pool, checks it
 * at every idle second, and after any loss reconnects and empties the whole cache once, since
 * notices may have been missed meanwhile. Below that, it has the cache read every cached link again
 * every {@code SHORTENER_CACHE_RECHECK_SECONDS} ({@link RedirectCache#recheck}), for a change whose
 * notice was lost some other way.
 */
@ApplicationScoped
public class LinkNotices {

  /** The channel the trigger notifies. */
  static final String CHANNEL = "shortener_links";

  private static final Logger LOG = Logger.getLogger(LinkNotices.class.getName());
  private static final int POLL_MS = 1_000;
  private static final int VALIDITY_SECONDS = 2;
  private static final long MAX_BACKOFF_MS = 10_000;

  @Inject RedirectCache cache;
  @Inject LinkSearch search;
  @Inject Event<LinkChanged> changed;

  @Resource ManagedThreadFactory threads;
  @Resource ContextService contexts;

  private volatile boolean running;
  private Consumer<String> applied;
  private Runnable missed;
  private Runnable recheck;
  private long recheckNanos;
  private volatile Thread listener;
  private volatile Connection listening;

  /** Starts listening once the schema, and with it the trigger, is there; after the cache. */
  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) SchemaReady ready) {
    if (!Dialect.configured().shared()) {
      return;
    }
    // The listener's thread has no application context of its own: on TomEE a bean it created
    // there first had its @Resource fields left null. Notices are applied in the context of this
    // start instead.
    applied = contexts.createContextualProxy((Consumer<String>) this::apply, Consumer.class);
    missed = contexts.createContextualProxy((Runnable) this::forgetAll, Runnable.class);
    recheck = contexts.createContextualProxy((Runnable) cache::recheckSoon, Runnable.class);
    recheckNanos = TimeUnit.SECONDS.toNanos(Setting.CACHE_RECHECK_SECONDS.intValue());
    running = true;
    Thread thread = threads.newThread(this::listen);
    thread.setName("shortener-link-notices");
    thread.setDaemon(true);
    listener = thread;
    thread.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    Thread thread = listener;
    if (thread != null) {
      thread.interrupt();
    }
    closeQuietly(listening);
  }

  private void listen() {
    boolean missedSome = false;
    long backoff = 500;
    long nextRecheck = System.nanoTime() + recheckNanos;
    while (running) {
      try (Connection connection = Database.openDirectly()) {
        listening = connection;
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + CHANNEL);
        }
        if (missedSome) {
          missed.run();
          LOG.info(
              "Listening to other servers' link changes again; the redirect cache was emptied");
        }
        missedSome = false;
        backoff = 500;
        PGConnection notices = connection.unwrap(PGConnection.class);
        while (running) {
          if (System.nanoTime() - nextRecheck >= 0) {
            nextRecheck = System.nanoTime() + recheckNanos;
            recheck.run();
          }
          PGNotification[] received = notices.getNotifications(POLL_MS);
          if (received == null || received.length == 0) {
            if (!connection.isValid(VALIDITY_SECONDS)) {
              throw new SQLException("The listening connection stopped answering");
            }
            continue;
          }
          for (PGNotification notice : received) {
            applied.accept(notice.getParameter());
          }
        }
      } catch (SQLException | RuntimeException lost) {
        if (!running) {
          return;
        }
        missedSome = true;
        long wait = backoff;
        LOG.log(
            Level.WARNING,
            "Lost the notices of other servers' link changes; trying again in " + wait + " ms",
            lost);
        try {
          Thread.sleep(wait);
        } catch (InterruptedException stopping) {
          return;
        }
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** One notice: {@code <changed|deleted> <id> <old alias> <new alias>}, "-" for none. */
  void apply(String notice) {
    String[] parts = notice.split(" ");
    if (parts.length != 4 || !(parts[0].equals("changed") || parts[0].equals("deleted"))) {
      LOG.warning(() -> "Ignored a link notice of an unknown form: " + notice);
      return;
    }
    long id = Long.parseLong(parts[1]);
    String oldAlias = parts[2].equals("-") ? null : parts[2];
    String newAlias = parts[3].equals("-") ? null : parts[3];
    changed.fire(new LinkChanged(id, oldAlias, newAlias, parts[0].equals("deleted")));
  }

  private void forgetAll() {
    cache.forgetAll();
    search.forgetTotals();
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // stopping anyway
    }
  }
}
