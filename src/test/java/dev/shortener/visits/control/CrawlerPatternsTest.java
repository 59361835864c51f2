package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shortener.visits.entity.VisitKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrawlerPatternsTest {
  /** Patterns of the list, and what every match of each must contain. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '\t',
      quoteCharacter = '"',
      value = {
        "Googlebot\\/\tGooglebot/",
        "^curl\tcurl",
        "pinterest\\.com\\/bot\tpinterest.com/bot",
        "AdsBot-Google([^-]|$)\t\"\"",
        "Ahrefs(Bot|SiteAudit)\t\"\"",
        "[wW]get\t\"\"",
        "Yahoo Link Preview\tYahoo Link Preview",
        "dbot\\)\tdbot)",
        "fetch\\d\tfetch",
        "Sogou web spider?\tSogou web spide",
        "a{0,2}b\t\"\"",
        "ab+c\tab",
        "ab^c\tab",
      })
  void requiredLiterals(String pattern, String literal) {
    assertEquals(literal, CrawlerPatterns.requiredLiteral(pattern));
  }

  @Test
  void kindsOfTheList() {
    CrawlerPatterns patterns = CrawlerPatterns.load();
    assertEquals(VisitKind.BOT, patterns.kindOf("curl/8.5.0"));
    assertEquals(VisitKind.BOT, patterns.kindOf("Go-http-client/1.1"));
    assertEquals(VisitKind.PREVIEW, patterns.kindOf("Twitterbot/1.0"));
    assertNull(
        patterns.kindOf("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"));
  }
}
