package dev.shortener.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  /** A clock that moves only when told. */
  static final class HandClock implements TimeMeter {
    long nanos = 1_000_000_000L;

    void advance(Duration by) {
      nanos += by.toNanos();
    }

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }
  }

  private final HandClock clock = new HandClock();

  private final RateLimiter limiter =
      RateLimiter.of(3, Duration.ofMinutes(1)).and(5, Duration.ofHours(1)).clock(clock).build();

  @Test
  void grantsTheBurstThenSaysHowLongToWait() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, limiter.take("a"), "take " + i);
    }
    Duration wait = limiter.take("a");
    assertEquals(Duration.ofSeconds(20), wait, "one token every 20 s refills the minute's 3");
    assertEquals(Duration.ZERO, limiter.take("b"), "other keys have their own bucket");
  }

  @Test
  void theSlowerLimitHoldsOverTime() {
    int granted = 0;
    for (int minute = 0; minute < 10; minute++) {
      while (limiter.take("a").isZero()) {
        granted++;
      }
      clock.advance(Duration.ofMinutes(1));
    }
    assertTrue(granted >= 5 && granted <= 6, "about 5 an hour, got " + granted);
  }

  @Test
  void aTokenGivenBackCanBeTakenAgain() {
    for (int i = 0; i < 3; i++) {
      limiter.take("a");
    }
    limiter.giveBack("a");
    assertEquals(Duration.ZERO, limiter.take("a"));
    assertTrue(limiter.take("a").compareTo(Duration.ZERO) > 0);
  }

  @Test
  void rememberesAtMostItsKeys() {
    RateLimiter small = RateLimiter.of(1, Duration.ofMinutes(1)).keys(10).clock(clock).build();
    for (int i = 0; i < 10_000; i++) {
      small.take("key-" + i);
    }
    // Evicted keys start full again: memory stays bounded, the worst case is a fresh allowance.
    assertEquals(Duration.ZERO, small.take("key-0"));
  }

  @Test
  void refillsWithTime() {
    for (int i = 0; i < 3; i++) {
      limiter.take("a");
    }
    clock.advance(Duration.ofSeconds(20));
    assertEquals(Duration.ZERO, limiter.take("a"));
  }
}
