package dev.shortener.admin.control;

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
}
