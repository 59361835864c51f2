package dev.shortener.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.web.ClientAddress;
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

class LoginThrottleTest {

  private static final ClientAddress GUESSER = ClientAddress.of("192.0.2.1");

  private Instant now = Instant.parse("2026-12-01T10:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle();

  LoginThrottleTest() {
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
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertEquals(Duration.ZERO, throttle.reserve(GUESSER), "free try " + i);
    }
    assertEquals(Duration.ZERO, throttle.reserve(GUESSER), "the sixth try itself is allowed");
    assertEquals(Duration.ofSeconds(1), throttle.reserve(GUESSER));
    pass(Duration.ofSeconds(1));
    assertEquals(Duration.ZERO, throttle.reserve(GUESSER));
    assertEquals(Duration.ofSeconds(2), throttle.reserve(GUESSER));
    pass(Duration.ofSeconds(2));
    assertEquals(Duration.ZERO, throttle.reserve(GUESSER));
    assertEquals(Duration.ofSeconds(4), throttle.reserve(GUESSER));
  }

  @Test
  void theDelayGrowsButNeverLocksOutForGood() {
    assertEquals(Duration.ZERO, LoginThrottle.delayAfter(5));
    assertEquals(Duration.ofSeconds(1), LoginThrottle.delayAfter(6));
    assertEquals(Duration.ofSeconds(512), LoginThrottle.delayAfter(15));
    assertEquals(LoginThrottle.MAX_DELAY, LoginThrottle.delayAfter(16));
    assertEquals(LoginThrottle.MAX_DELAY, LoginThrottle.delayAfter(1_000_000));
  }

  @Test
  void aRefusedTryDoesNotMakeTheWaitLonger() {
    for (int i = 0; i < 6; i++) {
      throttle.reserve(GUESSER);
    }
    for (int i = 0; i < 100; i++) {
      throttle.reserve(GUESSER);
    }
    assertEquals(Duration.ofSeconds(1), throttle.reserve(GUESSER));
  }

  @Test
  void otherAddressesAreNotAffectedButOneSlash64IsOneClient() {
    for (int i = 0; i < 7; i++) {
      throttle.reserve(ClientAddress.of("2001:db8:1:2::" + (i + 1)));
    }
    assertTrue(
        throttle.reserve(ClientAddress.of("2001:db8:1:2::ffff")).compareTo(Duration.ZERO) > 0);
    assertEquals(Duration.ZERO, throttle.reserve(ClientAddress.of("2001:db8:1:3::1")));
    assertEquals(Duration.ZERO, throttle.reserve(ClientAddress.of("192.0.2.2")));
  }

  @Test
  void successForgivesTheFailures() {
    for (int i = 0; i < 6; i++) {
      throttle.reserve(GUESSER);
    }
    throttle.succeeded(GUESSER);
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      assertEquals(Duration.ZERO, throttle.reserve(GUESSER));
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
                  if (throttle.reserve(GUESSER).isZero()) {
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
    assertEquals(LoginThrottle.FREE_FAILURES + 1, allowed.get());
  }

  @Test
  void theWholeSiteHasABudgetThatManyAddressesCannotExceed() {
    int allowed = 0;
    for (int i = 0; i < 1000; i++) {
      if (throttle.reserve(ClientAddress.of("198.51." + (i / 256) + "." + (i % 256))).isZero()) {
        allowed++;
      }
    }
    assertEquals(LoginThrottle.SITE_BURST, allowed, "the burst of the site budget");
    Duration wait = throttle.reserve(ClientAddress.of("203.0.113.1"));
    assertTrue(
        wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(Duration.ofSeconds(13)) < 0, "" + wait);
    pass(Duration.ofHours(1));
    assertEquals(Duration.ZERO, throttle.reserve(ClientAddress.of("203.0.113.1")));
  }

  @Test
  void aRefusalForTheSitesBudgetKeepsTheClientsFailures() {
    ClientAddress client = ClientAddress.of("203.0.113.50");
    for (int i = 0; i < 3; i++) {
      throttle.reserve(client);
    }
    for (int i = 0; i < LoginThrottle.SITE_BURST; i++) {
      throttle.reserve(ClientAddress.of("198.51." + (i / 200) + "." + (i % 200)));
    }
    assertTrue(throttle.reserve(client).compareTo(Duration.ZERO) > 0, "the site's budget is spent");
    pass(Duration.ofHours(2));
    for (int i = 0; i < 2; i++) {
      assertEquals(Duration.ZERO, throttle.reserve(client));
    }
    assertEquals(Duration.ZERO, throttle.reserve(client), "its sixth try");
    assertEquals(Duration.ofSeconds(1), throttle.reserve(client), "three before, three now");
  }

  @Test
  void aSuccessGivesItsTokenBackToTheSite() {
    for (int i = 0; i < LoginThrottle.SITE_BURST - 1; i++) {
      throttle.reserve(ClientAddress.of("198.51." + (i / 200) + "." + (i % 200)));
    }
    throttle.reserve(GUESSER);
    throttle.succeeded(GUESSER);
    assertEquals(
        Duration.ZERO, throttle.reserve(ClientAddress.of("203.0.113.99")), "the token came back");
    assertTrue(throttle.reserve(ClientAddress.of("203.0.113.98")).compareTo(Duration.ZERO) > 0);
  }

  @Test
  void aSuccessOfAClientWithoutFailuresGivesNothingBack() {
    for (int i = 0; i < LoginThrottle.SITE_BURST; i++) {
      throttle.reserve(ClientAddress.of("198.51." + (i / 200) + "." + (i % 200)));
    }
    throttle.succeeded(ClientAddress.of("203.0.113.97"));
    assertTrue(throttle.reserve(ClientAddress.of("203.0.113.96")).compareTo(Duration.ZERO) > 0);
  }
}
