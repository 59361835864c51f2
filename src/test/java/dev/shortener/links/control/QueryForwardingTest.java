package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryForwardingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "https://example.com/page|utm_source=x|https://example.com/page?utm_source=x",
        "https://example.com/page?a=1|utm_source=x|https://example.com/page?a=1&utm_source=x",
        "https://example.com/page?utm_source=old&a=1|utm_source=new|https://example.com/page?a=1&utm_source=new",
        "https://example.com/page#top|b=2|https://example.com/page?b=2#top",
        "https://example.com/page?a=1#top|b=2&c|https://example.com/page?a=1&b=2&c#top",
        "https://example.com/page?a=1|NULL|https://example.com/page?a=1",
        "https://example.com/page?a=1||https://example.com/page?a=1",
        "https://example.com/page?|q=%C3%A4+b|https://example.com/page?q=%C3%A4+b",
        "https://example.com/page?a=1&a=2|a=3|https://example.com/page?a=3",
        "https://example.com/page|&&x=1&|https://example.com/page?x=1"
      })
  void mergesTheRequestsQueryIntoTheDestination(String location, String query, String merged) {
    assertEquals(merged, QueryForwarding.merge(location, query));
  }
}
