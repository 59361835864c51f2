package dev.shortener.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void matchesOnlyTheSamePassword() {
    PasswordHash hash = PasswordHash.of("correct horse".toCharArray());
    assertTrue(hash.matches("correct horse".toCharArray()));
    assertFalse(hash.matches("correct hors".toCharArray()));
    assertFalse(hash.matches("".toCharArray()));
  }

  @Test
  void usesOwaspsIterationCountForPbkdf2Sha256() {
    assertEquals(600_000, PasswordHash.ITERATIONS);
  }
}
