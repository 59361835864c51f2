package dev.shortener.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  @Test
  void roundsUpSoThatWaitingThatLongIsEnough() {
    assertEquals(1, RetryAfter.seconds(Duration.ofMillis(1)));
    assertEquals(1, RetryAfter.seconds(Duration.ZERO));
    assertEquals(2, RetryAfter.seconds(Duration.ofMillis(1001)));
  }

  @Test
  void saysItInWords() {
    assertEquals("1 second", RetryAfter.inWords(Duration.ofMillis(400)));
    assertEquals("8 seconds", RetryAfter.inWords(Duration.ofSeconds(8)));
    assertEquals("1 minute", RetryAfter.inWords(Duration.ofSeconds(60)));
    assertEquals("2 minutes", RetryAfter.inWords(Duration.ofSeconds(61)));
    assertEquals("15 minutes", RetryAfter.inWords(Duration.ofMinutes(15)));
  }
}
