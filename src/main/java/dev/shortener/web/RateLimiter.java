package dev.shortener.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Token buckets (Bucket4j) per key, such as a client address: each key may take a burst and then a
 * sustained rate, every limit of {@link #of} and {@link #and} at once.
 *
 * <p>Memory stays bounded whoever asks: at most {@code maxKeys} buckets are kept, and a bucket
 * unused for longer than its slowest limit's period is dropped (it would be full again by then). An
 * attacker who rotates keys only evicts buckets, which start full: the worst case is a fresh
 * allowance, never a heap that grows.
 */
public final class RateLimiter {

  private final List<Bandwidth> limits;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  private RateLimiter(List<Bandwidth> limits, Duration longest, int maxKeys, TimeMeter time) {
    this.limits = List.copyOf(limits);
    this.time = time;
    this.buckets = Caffeine.newBuilder().expireAfterAccess(longest).maximumSize(maxKeys).build();
  }

  /** A limiter that lets each key take {@code count} every {@code period}. */
  public static Builder of(int count, Duration period) {
    return new Builder().and(count, period);
  }

  /**
   * Takes one token for {@code key}: {@link Duration#ZERO} when granted, else how long until one
   * would be.
   */
  public Duration take(String key) {
    ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  /** Gives back a token taken for something that did not happen after all. */
  public void giveBack(String key) {
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket != null) {
      bucket.addTokens(1);
    }
  }

  private Bucket bucket(String key) {
    return buckets.get(
        key,
        any -> {
          LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
          limits.forEach(builder::addLimit);
          return builder.build();
        });
  }

  /** Collects the limits of a {@link RateLimiter}. */
  public static final class Builder {
    private final List<Bandwidth> limits = new ArrayList<>();
    private Duration longest = Duration.ZERO;
    private int maxKeys = 100_000;
    private TimeMeter time = TimeMeter.SYSTEM_MILLISECONDS;

    private Builder() {}

    /** Also at most {@code count} every {@code period}, refilled evenly over the period. */
    public Builder and(int count, Duration period) {
      limits.add(Bandwidth.builder().capacity(count).refillGreedy(count, period).build());
      longest = period.compareTo(longest) > 0 ? period : longest;
      return this;
    }

    /** At most this many keys are remembered (default 100,000, a few megabytes). */
    public Builder keys(int maxKeys) {
      this.maxKeys = maxKeys;
      return this;
    }

    /** The clock the buckets refill by; tests pass one they move by hand. */
    public Builder clock(TimeMeter time) {
      this.time = time;
      return this;
    }

    public RateLimiter build() {
      return new RateLimiter(limits, longest, maxKeys, time);
    }
  }
}
