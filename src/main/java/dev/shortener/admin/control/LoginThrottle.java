package dev.shortener.admin.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slows down password guessing: after {@value #ALLOWED_FAILURES} failed sign-ins from one address,
 * that address may not try again until {@link #WINDOW} has passed without a failure.
 *
 * <p>Per address rather than global, so a stranger cannot lock the admin out from elsewhere. The
 * entries expire by themselves and are bounded, so a spray of addresses cannot grow the heap.
 */
@ApplicationScoped
public class LoginThrottle {

  /** Failed attempts an address may make within {@link #WINDOW}. */
  static final int ALLOWED_FAILURES = 10;

  /** How long failures are remembered after the last one. */
  static final Duration WINDOW = Duration.ofMinutes(5);

  private final Cache<String, AtomicInteger> failures =
      Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(100_000).build();

  /** Whether {@code address} may try a password now. */
  public boolean allows(String address) {
    AtomicInteger count = failures.getIfPresent(address);
    return count == null || count.get() < ALLOWED_FAILURES;
  }

  /** Records a failed attempt from {@code address}. */
  public void failed(String address) {
    AtomicInteger count = failures.get(address, any -> new AtomicInteger());
    count.incrementAndGet();
    failures.put(address, count);
  }
}
