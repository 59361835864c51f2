package dev.shortener.links.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.shortener.links.boundary.LinkService;
import dev.shortener.platform.Database;
import dev.shortener.platform.Dialect;
import dev.shortener.platform.SchemaReady;
import dev.shortener.platform.Setting;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Short code or alias to {@link Redirect}, in memory, so that a redirect normally touches no
 * database.
 *
 * <p>Keyed by the code or alias as requested rather than by id: a hit then costs one hash lookup,
 * where decoding the code with Hashids first (and encoding it back, to refuse non-canonical
 * spellings) took three quarters of the redirect servlet's own CPU time in bench/run.sh's profile.
 * Only codes that decode to an id, and aliases that exist, are ever cached, so made-up paths cannot
 * fill the cache.
 *
 * <p>Bounded by {@code SHORTENER_CACHE_SIZE} (least recently used links leave first). A miss reads
 * the database once, with plain JDBC like the preload below. Ids above the highest one ever handed
 * out are answered "not found" without a query, and so are aliases that no link has: every alias
 * and its id is kept in memory ({@link #aliases}, a few dozen bytes each, read at start), so a
 * flood of made-up paths cannot reach the database. The rare missing id below the highest is cached
 * as absent like any other answer, which is safe because an id is never reused. A row that cannot
 * be redirected to is logged and answered as missing.
 *
 * <p>When the application starts (once the schema is migrated), the newest links, as many as the
 * cache holds, are loaded in the background with one query, so that a restart does not send every
 * first visit to the database: a million links load in a few seconds, where a miss at a time
 * managed a few thousand a second.
 *
 * <p>An entry remembers which {@link Blocklist} generation it was checked against; after the list
 * changes, each entry is checked again on its next visit. An edit or deletion ({@link LinkChanged})
 * removes the link's entries, so the next request reads it again.
 *
 * <p>On a database other app servers share (PostgreSQL), their changes reach this cache through
 * {@link LinkNotices}; since a link another server makes is not announced, ids above the highest
 * known and unknown aliases are looked up rather than refused, an absence is remembered for {@value
 * #ABSENT_SECONDS} seconds only (ids are not committed in the order they are handed out), and every
 * cached link is read again every {@code SHORTENER_CACHE_RECHECK_SECONDS} ({@link #recheck}), the
 * safety net for a change whose notice was lost. Read again in bulk rather than expired: entries
 * that expire after a time all expire at once after the preload, and bench/postgresql.sh saw the
 * visits of the next seconds, each reading its link again, fall from 20,000 to 3,190 a second.
 */
@ApplicationScoped
public class RedirectCache {

  private static final Logger LOG = Logger.getLogger(RedirectCache.class.getName());

  @Inject LinkService links;
  @Inject LinkStore store;
  @Inject ShortCodes codes;
  @Inject Blocklist blocklist;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  @Resource ManagedExecutorService background;

  /** How long a shared database's "no such link" is believed. */
  static final int ABSENT_SECONDS = 2;

  /** Links read again with one query, at most. */
  private static final int RECHECK_ROWS = 1_000;

  /** The widest id range one query of {@link #recheck} reads, so that sparse ids read few rows. */
  private static final long RECHECK_SPAN = 10_000;

  private final boolean shared = Dialect.configured().shared();
  private final AtomicLong highestId = new AtomicLong();
  private final AtomicBoolean rechecking = new AtomicBoolean();
  private final Map<String, Long> aliases = new ConcurrentHashMap<>();
  private int size;
  private Cache<String, Optional<Redirect>> byKey;

  /**
   * Starts the cache once the schema is this release's (rather than on first use). Besides the
   * preload, TomEE needs this: there the first use could be {@link #remember}, notified after the
   * creating transaction committed but while it is still bound to the thread, where the {@link
   * LinkService} call below fails with "Status is STATUS_COMMITTED".
   */
  void start(@Observes SchemaReady ready) {
    size = Setting.CACHE_SIZE.intValue();
    Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(size);
    byKey = shared ? builder.expireAfter(new SharedExpiry()).build() : builder.build();
    highestId.accumulateAndGet(links.highestId(), Math::max);
    aliases.putAll(store.aliases());
    background.execute(this::preload);
  }

  /** Where the short link {@code key} (a code or an alias) leads, or empty if there is none. */
  public Optional<Redirect> find(String key) {
    Optional<Redirect> cached = byKey.getIfPresent(key);
    if (cached == null) {
      long id = codes.decode(key);
      if (id == ShortCodes.INVALID) {
        Long aliased = aliases.get(key);
        if (aliased == null) {
          return shared ? byKey.get(key, this::loadAlias) : Optional.empty();
        }
        id = aliased;
      } else if (id > highestId.get() && !shared) {
        return Optional.empty();
      }
      long link = id;
      cached = byKey.get(key, any -> load(link));
    }
    if (cached.isPresent() && cached.get().checkedAgainst() != blocklist.generation()) {
      Optional<Redirect> rechecked = Optional.of(cached.get().checkedBy(blocklist));
      byKey.asMap().replace(key, cached, rechecked);
      return rechecked;
    }
    return cached;
  }

  /**
   * One link from the database, with one plain JDBC query outside any transaction: through the
   * stateless service, JTA and EclipseLink a miss cost several times as much CPU.
   */
  private Optional<Redirect> load(long id) {
    return loadWhere("id", id).flatMap(this::redirect);
  }

  /** The link with alias {@code alias}, which this server has not heard of. */
  private Optional<Redirect> loadAlias(String alias) {
    Optional<LinkRow> found = loadWhere("alias", alias);
    found.ifPresent(
        row -> {
          highestId.accumulateAndGet(row.id(), Math::max);
          aliases.put(alias, row.id());
        });
    return found.flatMap(this::redirect);
  }

  /** The link whose unique {@code column} holds {@code value}. */
  private Optional<LinkRow> loadWhere(String column, Object value) {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT " + LinkRow.COLUMNS + " FROM link WHERE " + column + " = ?")) {
      query.setObject(1, value);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(LinkRow.read(row)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the link of " + column + " " + value, e);
    }
  }

  /**
   * Forgets every link and reads the ids and aliases again: after the notices of other servers'
   * changes may have been missed.
   */
  void forgetAll() {
    byKey.invalidateAll();
    highestId.accumulateAndGet(links.highestId(), Math::max);
    Map<String, Long> current = store.aliases();
    aliases.keySet().retainAll(current.keySet());
    aliases.putAll(current);
  }

  /** Starts a {@link #recheck} in the background, unless the last one is still running. */
  void recheckSoon() {
    if (!rechecking.compareAndSet(false, true)) {
      return;
    }
    background.execute(
        () -> {
          try {
            recheck();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the cached links again; will try next time", e);
          } finally {
            rechecking.set(false);
          }
        });
  }

  /**
   * Reads every cached link again, {@value #RECHECK_ROWS} at a time, and corrects what changed
   * without a notice: an entry of a link that is gone, or an alias that left its link, is dropped;
   * a changed link's entry is replaced, unless a visit or a notice replaced it meanwhile.
   */
  void recheck() {
    long began = System.nanoTime();
    List<Map.Entry<String, Redirect>> cached = new ArrayList<>();
    byKey
        .asMap()
        .forEach((key, value) -> value.ifPresent(redirect -> cached.add(Map.entry(key, redirect))));
    cached.sort(Comparator.comparingLong(entry -> entry.getValue().id()));
    int corrected = 0;
    for (int first = 0; first < cached.size(); ) {
      long from = cached.get(first).getValue().id();
      int end = first;
      while (end < cached.size()
          && end - first < RECHECK_ROWS
          && cached.get(end).getValue().id() - from < RECHECK_SPAN) {
        end++;
      }
      Map<Long, LinkRow> rows = loadBetween(from, cached.get(end - 1).getValue().id());
      for (Map.Entry<String, Redirect> entry : cached.subList(first, end)) {
        if (correct(entry.getKey(), entry.getValue(), rows.get(entry.getValue().id()))) {
          corrected++;
        }
      }
      first = end;
    }
    long millis = (System.nanoTime() - began) / 1_000_000;
    int shown = corrected;
    LOG.fine(
        () ->
            "Read "
                + cached.size()
                + " cached links again in "
                + millis
                + " ms; corrected "
                + shown);
  }

  /** Brings one entry in line with its row ({@code null}: gone); whether it had to. */
  private boolean correct(String key, Redirect was, LinkRow row) {
    Optional<Redirect> old = Optional.of(was);
    boolean alias = aliases.containsKey(key);
    if (row == null || (alias && !key.equals(row.alias()))) {
      if (alias) {
        aliases.remove(key, was.id());
      }
      return byKey.asMap().remove(key, old);
    }
    Optional<Redirect> now = redirect(row);
    return !now.equals(old) && byKey.asMap().replace(key, old, now);
  }

  /** The links with ids from {@code from} to {@code to}, by id. */
  private Map<Long, LinkRow> loadBetween(long from, long to) {
    Map<Long, LinkRow> rows = new HashMap<>();
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT " + LinkRow.COLUMNS + " FROM link WHERE id BETWEEN ? AND ?")) {
      query.setLong(1, from);
      query.setLong(2, to);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          LinkRow read = LinkRow.read(row);
          rows.put(read.id(), read);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read links " + from + " to " + to, e);
    }
    return rows;
  }

  /**
   * Believes a link until {@link #recheck} or a notice says otherwise, and its absence for seconds
   * (shared databases only).
   */
  static final class SharedExpiry implements Expiry<String, Optional<Redirect>> {
    @Override
    public long expireAfterCreate(String key, Optional<Redirect> value, long now) {
      return value.isPresent() ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(ABSENT_SECONDS);
    }

    @Override
    public long expireAfterUpdate(
        String key, Optional<Redirect> value, long now, long currentDuration) {
      return expireAfterCreate(key, value, now);
    }

    @Override
    public long expireAfterRead(
        String key, Optional<Redirect> value, long now, long currentDuration) {
      return currentDuration;
    }
  }

  /**
   * The redirect of a stored row; empty, with a log line, for a URL that has no {@code Location}
   * form (stored before the rules refused such URLs): cached like a missing link, so its visits
   * neither fail nor query the database again.
   */
  private Optional<Redirect> redirect(LinkRow row) {
    try {
      return Optional.of(Redirect.of(row, blocklist));
    } catch (IllegalArgumentException unconvertible) {
      LOG.warning(
          () ->
              "Link "
                  + row.id()
                  + " cannot be redirected to, its URL has no ASCII form: "
                  + row.original());
      return Optional.empty();
    }
  }

  void remember(@Observes(during = TransactionPhase.AFTER_SUCCESS) LinkCreated created) {
    LinkRow row = created.row();
    highestId.accumulateAndGet(row.id(), Math::max);
    Optional<Redirect> redirect = redirect(row);
    byKey.put(codes.encode(row.id()), redirect);
    if (row.alias() != null) {
      aliases.put(row.alias(), row.id());
      byKey.put(row.alias(), redirect);
    }
  }

  void forget(@Observes LinkChanged changed) {
    byKey.invalidate(codes.encode(changed.id()));
    if (changed.oldAlias() != null) {
      aliases.remove(changed.oldAlias(), changed.id());
      byKey.invalidate(changed.oldAlias());
    }
    if (changed.newAlias() != null) {
      aliases.put(changed.newAlias(), changed.id());
      byKey.invalidate(changed.newAlias());
    }
  }

  private void preload() {
    long began = System.nanoTime();
    int loaded = 0;
    int skipped = 0;
    try (Connection connection = database.getConnection();
        PreparedStatement newest =
            connection.prepareStatement(
                "SELECT " + LinkRow.COLUMNS + " FROM link ORDER BY id DESC LIMIT ?")) {
      newest.setInt(1, size);
      try (ResultSet rows = newest.executeQuery()) {
        while (rows.next()) {
          LinkRow row = LinkRow.read(rows);
          Optional<Redirect> redirect = redirect(row);
          // Never over an answer the application already gave, e.g. a link created meanwhile.
          byKey.asMap().putIfAbsent(codes.encode(row.id()), redirect);
          if (row.alias() != null) {
            byKey.asMap().putIfAbsent(row.alias(), redirect);
          }
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
    int shown = loaded;
    int refused = skipped;
    LOG.info(
        () ->
            "Preloaded "
                + shown
                + " links into the redirect cache in "
                + millis
                + " ms"
                + (refused == 0 ? "" : "; skipped " + refused + " that cannot be redirected to"));
  }
}
