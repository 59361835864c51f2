package dev.shortener.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    assertTrue(PasswordHash.of("x".toCharArray()).encoded().startsWith("pbkdf2-sha256$600000$"));
  }

  @Test
  void isStoredAsTextAndReadBack() {
    PasswordHash hash = PasswordHash.of("secret".toCharArray());
    PasswordHash read = PasswordHash.parse(hash.encoded()).orElseThrow();
    assertTrue(read.matches("secret".toCharArray()));
    assertFalse(read.matches("Secret".toCharArray()));
    assertEquals(hash.encoded(), read.encoded());
  }

  @Test
  void theSamePasswordHashesDifferentlyEachTime() {
    assertNotEquals(
        PasswordHash.of("same".toCharArray()).encoded(),
        PasswordHash.of("same".toCharArray()).encoded(),
        "a fresh salt each time");
  }

  @Test
  void textThatIsNoHashIsNone() {
    assertTrue(PasswordHash.parse(null).isEmpty());
    assertTrue(PasswordHash.parse("").isEmpty());
    assertTrue(PasswordHash.parse("md5$abc").isEmpty());
    assertTrue(PasswordHash.parse("pbkdf2-sha256$x$AAAA$AAAA").isEmpty());
    assertTrue(PasswordHash.parse("pbkdf2-sha256$1$!!$AAAA").isEmpty());
  }
}
