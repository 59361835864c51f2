package dev.shortener.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingTest {

  @AfterEach
  void clear() {
    System.clearProperty("shortener.cache.size");
    System.clearProperty("shortener.base.url");
  }

  @Test
  void namesFollowOneRule() {
    assertEquals("SHORTENER_DATA_DIR", Setting.DATA_DIR.environmentVariable());
    assertEquals("shortener.data.dir", Setting.DATA_DIR.systemProperty());
    assertEquals(
        "shortener.click.flush.interval.ms", Setting.CLICK_FLUSH_INTERVAL_MS.systemProperty());
  }

  @Test
  void systemPropertyOverridesTheDefault() {
    assertEquals(1_000_000, Setting.CACHE_SIZE.intValue());
    System.setProperty("shortener.cache.size", " 42 ");
    assertEquals(42, Setting.CACHE_SIZE.intValue());
  }

  @Test
  void blankCountsAsUnset() {
    System.setProperty("shortener.base.url", "  ");
    assertTrue(Setting.BASE_URL.value().isEmpty());
  }

  @Test
  void malformedNumbersNameTheVariable() {
    System.setProperty("shortener.cache.size", "lots");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, Setting.CACHE_SIZE::intValue);
    assertEquals(
        "SHORTENER_CACHE_SIZE must be a positive whole number, not 'lots'", e.getMessage());
  }
}
