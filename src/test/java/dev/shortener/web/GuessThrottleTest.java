package dev.shortener.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuessThrottleTest {

  private static final ClientAddress GUESSER = ClientAddress.of("192.0.2.1");

  private Instant now = Instant.parse("2026-12-01T10:00:00Z");
  private final GuessThrottle throttle = new GuessThrottle();

  GuessThrottleTest() {
    throttle.clock =
        new Clock() {
          @Override
          public Instant instant() {
            return now;
          }

          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }
        };
  }

  private void pass(Duration time) {
    now = now.plus(time);
  }

  @Test
  void aFewFailuresCostNothingThenEachTryWaitsTwiceAsLong() {
    for (int i = 0; i < GuessThrottle.FREE_FAILURES; i++) {
      assertEquals(Duration.ZERO, throttle.reserve("admin", GUESSER), "free try " + i);
    }
    assertEquals(
        Duration.ZERO, throttle.reserve("admin", GUESSER), "the sixth try itself is allowed");
    assertEquals(Duration.ofSeconds(1), throttle.reserve("admin", GUESSER));
    pass(Duration.ofSeconds(1));
    assertEquals(Duration.ZERO, throttle.reserve("admin", GUESSER));
    assertEquals(Duration.ofSeconds(2), throttle.reserve("admin", GUESSER));
    pass(Duration.ofSeconds(2));
    assertEquals(Duration.ZERO, throttle.reserve("admin", GUESSER));
    assertEquals(Duration.ofSeconds(4), throttle.reserve("admin", GUESSER));
  }

  @Test
  void theDelayGrowsButNeverLocksOutForGood() {
    assertEquals(Duration.ZERO, GuessThrottle.delayAfter(5));
    assertEquals(Duration.ofSeconds(1), GuessThrottle.delayAfter(6));
    assertEquals(Duration.ofSeconds(512), GuessThrottle.delayAfter(15));
    assertEquals(GuessThrottle.MAX_DELAY, GuessThrottle.delayAfter(16));
    assertEquals(GuessThrottle.MAX_DELAY, GuessThrottle.delayAfter(1_000_000));
  }

  @Test
  void aRefusedTryDoesNotMakeTheWaitLonger() {
    for (int i = 0; i < 6; i++) {
      throttle.reserve("admin", GUESSER);
    }
    for (int i = 0; i < 100; i++) {
      throttle.reserve("admin", GUESSER);
    }
    assertEquals(Duration.ofSeconds(1), throttle.reserve("admin", GUESSER));
  }

  @Test
  void otherAddressesAreNotAffectedButOneSlash64IsOneClient() {
    for (int i = 0; i < 7; i++) {
      throttle.reserve("admin", ClientAddress.of("2001:db8:1:2::" + (i + 1)));
    }
    assertTrue(
        throttle.reserve("admin", ClientAddress.of("2001:db8:1:2::ffff")).compareTo(Duration.ZERO)
            > 0);
    assertEquals(Duration.ZERO, throttle.reserve("admin", ClientAddress.of("2001:db8:1:3::1")));
    assertEquals(Duration.ZERO, throttle.reserve("admin", ClientAddress.of("192.0.2.2")));
  }

  @Test
  void successForgivesTheFailures() {
    for (int i = 0; i < 6; i++) {
      throttle.reserve("admin", GUESSER);
    }
    throttle.succeeded("admin", GUESSER);
    for (int i = 0; i < GuessThrottle.FREE_FAILURES; i++) {
      assertEquals(Duration.ZERO, throttle.reserve("admin", GUESSER));
    }
  }

  @Test
  void aParallelBurstGetsNoMoreTriesThanASequence() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    AtomicInteger allowed = new AtomicInteger();
    List<Future<?>> tries = new ArrayList<>();
    try {
      for (int i = 0; i < 200; i++) {
        tries.add(
            pool.submit(
                () -> {
                  if (throttle.reserve("admin", GUESSER).isZero()) {
                    allowed.incrementAndGet();
                  }
                }));
      }
      for (Future<?> attempt : tries) {
        attempt.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(GuessThrottle.FREE_FAILURES + 1, allowed.get());
  }

  @Test
  void theWholeSiteHasABudgetThatManyAddressesCannotExceed() {
    int allowed = 0;
    for (int i = 0; i < 1000; i++) {
      if (throttle
          .reserve("admin", ClientAddress.of("198.51." + (i / 256) + "." + (i % 256)))
          .isZero()) {
        allowed++;
      }
    }
    assertEquals(GuessThrottle.SCOPE_BURST, allowed, "the burst of the site budget");
    Duration wait = throttle.reserve("admin", ClientAddress.of("203.0.113.1"));
    assertTrue(
        wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(Duration.ofSeconds(13)) < 0, "" + wait);
    pass(Duration.ofHours(1));
    assertEquals(Duration.ZERO, throttle.reserve("admin", ClientAddress.of("203.0.113.1")));
  }

  @Test
  void aRefusalForTheSitesBudgetKeepsTheClientsFailures() {
    ClientAddress client = ClientAddress.of("203.0.113.50");
    for (int i = 0; i < 3; i++) {
      throttle.reserve("admin", client);
    }
    for (int i = 0; i < GuessThrottle.SCOPE_BURST; i++) {
      throttle.reserve("admin", ClientAddress.of("198.51." + (i / 200) + "." + (i % 200)));
    }
    assertTrue(
        throttle.reserve("admin", client).compareTo(Duration.ZERO) > 0,
        "the site's budget is spent");
    pass(Duration.ofHours(2));
    for (int i = 0; i < 2; i++) {
      assertEquals(Duration.ZERO, throttle.reserve("admin", client));
    }
    assertEquals(Duration.ZERO, throttle.reserve("admin", client), "its sixth try");
    assertEquals(
        Duration.ofSeconds(1), throttle.reserve("admin", client), "three before, three now");
  }

  @Test
  void aSuccessGivesItsTokenBackToTheSite() {
    for (int i = 0; i < GuessThrottle.SCOPE_BURST - 1; i++) {
      throttle.reserve("admin", ClientAddress.of("198.51." + (i / 200) + "." + (i % 200)));
    }
    throttle.reserve("admin", GUESSER);
    throttle.succeeded("admin", GUESSER);
    assertEquals(
        Duration.ZERO,
        throttle.reserve("admin", ClientAddress.of("203.0.113.99")),
        "the token came back");
    assertTrue(
        throttle.reserve("admin", ClientAddress.of("203.0.113.98")).compareTo(Duration.ZERO) > 0);
  }

  @Test
  void aSuccessOfAClientWithoutFailuresGivesNothingBack() {
    for (int i = 0; i < GuessThrottle.SCOPE_BURST; i++) {
      throttle.reserve("admin", ClientAddress.of("198.51." + (i / 200) + "." + (i % 200)));
    }
    throttle.succeeded("admin", ClientAddress.of("203.0.113.97"));
    assertTrue(
        throttle.reserve("admin", ClientAddress.of("203.0.113.96")).compareTo(Duration.ZERO) > 0);
  }

  @Test
  void eachScopeCountsOnItsOwn() {
    for (int i = 0; i < 6; i++) {
      throttle.reserve("link 1", GUESSER);
    }
    assertTrue(throttle.reserve("link 1", GUESSER).compareTo(Duration.ZERO) > 0);
    assertEquals(Duration.ZERO, throttle.reserve("link 2", GUESSER), "another link's password");
    assertEquals(Duration.ZERO, throttle.reserve("admin", GUESSER), "the admin's sign-in");
  }
}
