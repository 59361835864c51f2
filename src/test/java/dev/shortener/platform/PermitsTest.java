package dev.shortener.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PermitsTest {

  @Test
  void aWriterBeyondTheCountWaitsItsTimeAndFailsSayingForWhat() {
    Permits permits = new Permits(2, Duration.ofMillis(50), "a turn to write links");
    permits.acquire();
    permits.acquire();
    IllegalStateException refused = assertThrows(IllegalStateException.class, permits::acquire);
    assertEquals("Waited 50 ms for a turn to write links", refused.getMessage());
  }

  @Test
  void aPermitGivenBackLetsTheNextWriterIn() {
    Permits permits = new Permits(1, Duration.ofSeconds(1), "the database write lock");
    permits.acquire();
    permits.release();
    permits.acquire();
  }

  @Test
  void anInterruptedWaitFailsAndKeepsTheInterrupt() {
    Permits permits = new Permits(1, Duration.ofSeconds(30), "the database write lock");
    permits.acquire();
    Thread.currentThread().interrupt();
    try {
      IllegalStateException refused = assertThrows(IllegalStateException.class, permits::acquire);
      assertEquals("Interrupted while waiting for the database write lock", refused.getMessage());
      assertEquals(true, Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }
}
