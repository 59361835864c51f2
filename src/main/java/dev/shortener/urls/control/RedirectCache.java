package dev.shortener.urls.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shortener.platform.Database;
import dev.shortener.platform.Setting;
import dev.shortener.urls.boundary.UrlService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Short code to {@link Redirect}, in memory, so that a redirect normally touches no database.
 *
 * <p>Keyed by the code as requested rather than by id: a hit then costs one hash lookup, where
 * decoding the code with Hashids first (and encoding it back, to refuse non-canonical spellings)
 * took three quarters of the redirect servlet's own CPU time in bench/run.sh's profile. Only codes
 * that decode to an id are ever cached, so made-up codes cannot fill the cache.
 *
 * <p>Bounded by {@code SHORTENER_CACHE_SIZE} (least recently used links leave first). A miss reads
 * the database once, with plain JDBC like the preload below. Ids above the highest one ever handed
 * out are answered "not found" without a query, so a flood of made-up codes cannot reach SQLite;
 * the rare missing id below it is cached as absent like any other answer, which is safe because
 * SQLite's AUTOINCREMENT never reuses an id.
 *
 * <p>When the application starts, the newest links, as many as the cache holds, are loaded in the
 * background with one query, so that a restart does not send every first visit to SQLite: a million
 * links load in a few seconds, where a miss at a time managed a few thousand a second. A row that
 * cannot be redirected to is logged and answered as missing, by the preload and the miss alike.
 *
 * <p>An entry remembers which {@link Blocklist} generation it was checked against; after the list
 * changes, each entry is checked again on its next visit.
 */
@ApplicationScoped
public class RedirectCache {

  private static final Logger LOG = Logger.getLogger(RedirectCache.class.getName());

  @Inject UrlService urls;
  @Inject ShortCodes codes;
  @Inject Blocklist blocklist;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  @Resource ManagedExecutorService background;

  private final AtomicLong highestId = new AtomicLong();
  private int size;
  private Cache<String, Optional<Redirect>> byCode;

  @PostConstruct
  void start() {
    size = Setting.CACHE_SIZE.intValue();
    byCode = Caffeine.newBuilder().maximumSize(size).build();
    highestId.accumulateAndGet(urls.highestId(), Math::max);
  }

  /** Where the short link {@code code} leads, or empty when there is no such link. */
  public Optional<Redirect> find(String code) {
    Optional<Redirect> cached = byCode.getIfPresent(code);
    if (cached == null) {
      long id = codes.decode(code);
      if (id == ShortCodes.INVALID || id > highestId.get()) {
        return Optional.empty();
      }
      cached = byCode.get(code, canonical -> load(id));
    }
    if (cached.isPresent() && cached.get().checkedAgainst() != blocklist.generation()) {
      Optional<Redirect> rechecked = Optional.of(cached.get().checkedBy(blocklist));
      byCode.asMap().replace(code, cached, rechecked);
      return rechecked;
    }
    return cached;
  }

  /**
   * One link from the database, with one plain JDBC query outside any transaction: through the
   * stateless service, JTA and EclipseLink a miss cost several times as much CPU.
   */
  private Optional<Redirect> load(long id) {
    try (Connection connection = database.getConnection();
        PreparedStatement byId =
            connection.prepareStatement("SELECT original FROM url WHERE id = ?")) {
      byId.setLong(1, id);
      try (ResultSet row = byId.executeQuery()) {
        return row.next() ? redirect(id, row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read link " + id, e);
    }
  }

  /**
   * The redirect of a stored row; empty, with a log line, for a URL that has no {@code Location}
   * form (stored before the rules refused such URLs): cached like a missing link, so its visits
   * neither fail nor query the database again.
   */
  private Optional<Redirect> redirect(long id, String url) {
    try {
      return Optional.of(Redirect.of(id, url, blocklist));
    } catch (IllegalArgumentException unconvertible) {
      LOG.warning(
          () -> "Link " + id + " cannot be redirected to, its URL has no ASCII form: " + url);
      return Optional.empty();
    }
  }

  void remember(@Observes(during = TransactionPhase.AFTER_SUCCESS) UrlCreated created) {
    highestId.accumulateAndGet(created.id(), Math::max);
    byCode.put(codes.encode(created.id()), redirect(created.id(), created.original()));
  }

  /**
   * Starts the cache with the application rather than on first use. Besides the preload, TomEE
   * needs this: there the first use could be {@link #remember}, notified after the creating
   * transaction committed but while it is still bound to the thread, where the {@link UrlService}
   * call in {@link #start} fails with "Status is STATUS_COMMITTED".
   */
  void preloadOnStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    background.execute(this::preload);
  }

  private void preload() {
    long began = System.nanoTime();
    int loaded = 0;
    int skipped = 0;
    try (Connection connection = database.getConnection();
        PreparedStatement newest =
            connection.prepareStatement("SELECT id, original FROM url ORDER BY id DESC LIMIT ?")) {
      newest.setInt(1, size);
      try (ResultSet rows = newest.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          Optional<Redirect> redirect = redirect(id, rows.getString(2));
          // Never over an answer the application already gave, e.g. a link created meanwhile.
          byCode.asMap().putIfAbsent(codes.encode(id), redirect);
          if (redirect.isPresent()) {
            loaded++;
          } else {
            skipped++;
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not preload the redirect cache; links load on first visit", e);
      return;
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    LOG.info(
        "Preloaded "
            + loaded
            + " links into the redirect cache in "
            + millis
            + " ms"
            + (skipped == 0 ? "" : "; skipped " + skipped + " that cannot be redirected to"));
  }
}
