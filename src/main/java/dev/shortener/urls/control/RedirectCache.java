package dev.shortener.urls.control;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.shortener.platform.Setting;
import dev.shortener.urls.boundary.UrlService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Id to {@code Location} header, in memory, so that a redirect normally touches no database.
 *
 * <p>Bounded by {@code SHORTENER_CACHE_SIZE} (least recently used links leave first). A miss reads
 * the database once. Ids above the highest one ever handed out are answered "not found" without a
 * query, so a flood of made-up codes cannot reach SQLite; the rare missing id below it is cached as
 * absent like any other answer, which is safe because SQLite's AUTOINCREMENT never reuses an id.
 */
@ApplicationScoped
public class RedirectCache {

  @Inject UrlService urls;

  private final AtomicLong highestId = new AtomicLong();
  private LoadingCache<Long, Optional<String>> locations;

  @PostConstruct
  void start() {
    locations =
        Caffeine.newBuilder()
            .maximumSize(Setting.CACHE_SIZE.intValue())
            .build(id -> urls.original(id).map(UrlRules::toLocation));
    highestId.accumulateAndGet(urls.highestId(), Math::max);
  }

  /**
   * Builds the cache when the application starts rather than on first use. TomEE needs this: there
   * the first use can be {@link #remember}, notified after the creating transaction committed but
   * while it is still bound to the thread, so the {@link UrlService} call in {@link #start} fails
   * with "Status is STATUS_COMMITTED" (Payara detaches the transaction first).
   */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // Observing the event is enough: CDI creates the instance, which runs start().
  }

  /** The {@code Location} of link {@code id}, or empty when there is no such link. */
  public Optional<String> locationOf(long id) {
    if (id > highestId.get()) {
      return Optional.empty();
    }
    return locations.get(id);
  }

  void remember(@Observes(during = TransactionPhase.AFTER_SUCCESS) UrlCreated created) {
    highestId.accumulateAndGet(created.id(), Math::max);
    locations.put(created.id(), Optional.of(UrlRules.toLocation(created.original())));
  }
}
