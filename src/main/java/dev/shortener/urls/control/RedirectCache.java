package dev.shortener.urls.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shortener.platform.Setting;
import dev.shortener.urls.boundary.UrlService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Short code to {@link Redirect}, in memory, so that a redirect normally touches no database.
 *
 * <p>Keyed by the code as requested rather than by id: a hit then costs one hash lookup, where
 * decoding the code with Hashids first (and encoding it back, to refuse non-canonical spellings)
 * took three quarters of the redirect servlet's own CPU time in bench/run.sh's profile. Only codes
 * that decode to an id are ever cached, so made-up codes cannot fill the cache.
 *
 * <p>Bounded by {@code SHORTENER_CACHE_SIZE} (least recently used links leave first). A miss reads
 * the database once. Ids above the highest one ever handed out are answered "not found" without a
 * query, so a flood of made-up codes cannot reach SQLite; the rare missing id below it is cached as
 * absent like any other answer, which is safe because SQLite's AUTOINCREMENT never reuses an id.
 */
@ApplicationScoped
public class RedirectCache {

  @Inject UrlService urls;
  @Inject ShortCodes codes;

  private final AtomicLong highestId = new AtomicLong();
  private Cache<String, Optional<Redirect>> byCode;

  @PostConstruct
  void start() {
    byCode = Caffeine.newBuilder().maximumSize(Setting.CACHE_SIZE.intValue()).build();
    highestId.accumulateAndGet(urls.highestId(), Math::max);
  }

  /** Where the short link {@code code} leads, or empty when there is no such link. */
  public Optional<Redirect> find(String code) {
    Optional<Redirect> cached = byCode.getIfPresent(code);
    if (cached != null) {
      return cached;
    }
    long id = codes.decode(code);
    if (id == ShortCodes.INVALID || id > highestId.get()) {
      return Optional.empty();
    }
    return byCode.get(
        code, canonical -> urls.original(id).map(url -> new Redirect(id, UrlRules.toLocation(url))));
  }

  void remember(@Observes(during = TransactionPhase.AFTER_SUCCESS) UrlCreated created) {
    highestId.accumulateAndGet(created.id(), Math::max);
    byCode.put(
        codes.encode(created.id()),
        Optional.of(new Redirect(created.id(), UrlRules.toLocation(created.original()))));
  }
}
