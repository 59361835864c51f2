package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.web.ClientAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CreationLimitsTest {

  @AfterEach
  void clear() {
    System.clearProperty("shortener.creation.per.minute");
  }

  @Test
  void aClientMakesItsBurstThenWaitsAndRefusalsCostNothing() {
    System.setProperty("shortener.creation.per.minute", "3");
    CreationLimits limits = new CreationLimits();
    limits.load();
    ClientAddress client = ClientAddress.of("192.0.2.1");
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, limits.take(client));
    }
    Duration wait = limits.take(client);
    assertTrue(
        wait.compareTo(Duration.ofSeconds(19)) > 0 && wait.compareTo(Duration.ofSeconds(21)) < 0,
        "" + wait);
    limits.giveBack(client);
    assertEquals(Duration.ZERO, limits.take(client), "a refused URL gave its token back");
    assertEquals(Duration.ZERO, limits.take(ClientAddress.of("2001:db8::1")));
  }

  @Test
  void theDefaultsNeverBotherAPerson() {
    CreationLimits limits = new CreationLimits();
    limits.load();
    ClientAddress client = ClientAddress.of("192.0.2.2");
    for (int i = 0; i < 10; i++) {
      assertEquals(Duration.ZERO, limits.take(client), "link " + i);
    }
    assertTrue(limits.take(client).compareTo(Duration.ZERO) > 0);
  }
}
