package dev.shortener.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingTest {

  @AfterEach
  void clear() {
    for (Setting setting : Setting.values()) {
      System.clearProperty(setting.systemProperty());
    }
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

  @Test
  void booleansAreTrueOrFalseAndNothingElse() {
    assertEquals(false, Setting.TRUST_PROXY.booleanValue());
    System.setProperty("shortener.trust.proxy", "TRUE");
    assertEquals(true, Setting.TRUST_PROXY.booleanValue());
    System.setProperty("shortener.trust.proxy", "yes");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, Setting.TRUST_PROXY::booleanValue);
    assertEquals("SHORTENER_TRUST_PROXY must be one of true, false, not 'yes'", e.getMessage());
  }

  @Test
  void choicesNameTheirOptions() {
    assertEquals("public", Setting.CREATION.choice("public", "admin"));
    System.setProperty("shortener.creation", "Admin");
    assertEquals("admin", Setting.CREATION.choice("public", "admin"));
    System.setProperty("shortener.creation", "nobody");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Setting.CREATION.choice("public", "admin"));
    assertEquals("SHORTENER_CREATION must be one of public, admin, not 'nobody'", e.getMessage());
  }

  @Test
  void listsAreCommaSeparatedWithoutEmptyEntries() {
    assertEquals(java.util.List.of(), Setting.OWN_HOSTS.listValue());
    System.setProperty("shortener.own.hosts", " a.example, ,b.example:8080,");
    assertEquals(java.util.List.of("a.example", "b.example:8080"), Setting.OWN_HOSTS.listValue());
  }

  @Test
  void theTestsBlankEverySettingTheyDoNotSet() throws java.io.IOException {
    String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
    for (Setting setting : Setting.values()) {
      String variable = setting.environmentVariable();
      long mentions =
          java.util.regex.Pattern.compile("<" + variable + ">").matcher(pom).results().count();
      assertTrue(mentions >= 2, variable + " in surefire's and failsafe's environment (pom.xml)");
    }
  }

  @Test
  void zeroIsNoPositiveNumber() {
    System.setProperty("shortener.cache.size", "0");
    assertThrows(IllegalStateException.class, Setting.CACHE_SIZE::intValue);
    System.setProperty("shortener.cache.size", "1");
    assertEquals(1, Setting.CACHE_SIZE.intValue());
  }
}
