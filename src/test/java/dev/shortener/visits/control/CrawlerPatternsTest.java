package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
      })
  void requiredLiterals(String pattern, String literal) {
    assertEquals(literal, CrawlerPatterns.requiredLiteral(pattern));
  }
}
