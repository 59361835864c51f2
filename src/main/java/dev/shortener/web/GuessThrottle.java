package dev.shortener.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing, per client and for everything one password protects: the admin's
 * sign-in, each password-protected link. Each of them is a scope, e.g. {@code "admin"}.
 *
 * <p>An attempt is reserved before the slow password hash runs and counted as a failure until it
 * succeeds, so a burst of parallel posts gets no more tries than posts one after another. Each
 * client key ({@link ClientAddress#key}: the address, or the /64 of an IPv6 client) has {@value
 * #FREE_FAILURES} failures free; after that each further try must wait twice as long as the last,
 * from one second up to {@link #MAX_DELAY}, so typos cost nothing and a guesser gets a handful of
 * tries an hour. The delay never becomes a lock-out: whoever shares the address waits at most
 * {@link #MAX_DELAY}. A success forgets the client's failures. Per client rather than global, so a
 * stranger cannot lock the admin out from elsewhere; on top of that, per scope, {@value
 * #SCOPE_FAILURES_PER_HOUR} failures an hour from all clients together (at most {@value
 * #SCOPE_BURST} of them within ten minutes) cap how fast a botnet of many addresses can guess.
 *
 * <p>Entries expire a day after their last failure and are bounded in number, so a spray of
 * addresses cannot grow the heap.
 */
@ApplicationScoped
public class GuessThrottle {

  /** Failures a client may make before it has to wait. */
  static final int FREE_FAILURES = 5;

  /** The longest a client ever waits between two tries. */
  static final Duration MAX_DELAY = Duration.ofMinutes(15);

  /** Failed guesses one scope accepts per hour, whatever the clients. */
  static final int SCOPE_FAILURES_PER_HOUR = 300;

  /** Failed guesses one scope accepts within ten minutes. */
  static final int SCOPE_BURST = 100;

  Clock clock = Clock.systemUTC();

  private final Cache<String, Failures> failures =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1)).maximumSize(100_000).build();

  private final RateLimiter scopes =
      RateLimiter.of(SCOPE_BURST, Duration.ofMinutes(10))
          .and(SCOPE_FAILURES_PER_HOUR, Duration.ofHours(1))
          .keys(100_000)
          .clock(new ClockTime())
          .build();

  /**
   * Reserves one try of {@code client} in {@code scope}: {@link Duration#ZERO} when it may go ahead
   * (and then counts as a failure until {@link #succeeded}), else how long it has to wait.
   */
  public Duration reserve(String scope, ClientAddress client) {
    Instant now = clock.instant();
    Duration[] wait = {Duration.ZERO};
    failures
        .asMap()
        .compute(
            scope + " " + client.key(),
            (key, known) -> {
              Failures before = known == null ? Failures.NONE : known;
              if (now.isBefore(before.nextTry())) {
                wait[0] = Duration.between(now, before.nextTry());
                return known;
              }
              Duration siteWait = scopes.take(scope);
              if (!siteWait.isZero()) {
                wait[0] = siteWait;
                return known;
              }
              int count = before.count() + 1;
              return new Failures(count, now.plus(delayAfter(count)));
            });
    return wait[0];
  }

  /** The reserved try of {@code client} in {@code scope} succeeded: its failures are forgiven. */
  public void succeeded(String scope, ClientAddress client) {
    if (failures.asMap().remove(scope + " " + client.key()) != null) {
      scopes.giveBack(scope);
    }
  }

  /** How long a client waits before its next try, once it has failed {@code count} times. */
  static Duration delayAfter(int count) {
    if (count <= FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(count - FREE_FAILURES - 1, 20);
    Duration delay = Duration.ofSeconds(1L << doublings);
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private record Failures(int count, Instant nextTry) {
    static final Failures NONE = new Failures(0, Instant.EPOCH);
  }

  /** The scopes' budgets refill by {@link #clock}, so tests can move time for both at once. */
  private final class ClockTime implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
