package dev.shortener.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustedProxyTest {

  private static TrustedProxy proxy(boolean trusted) {
    TrustedProxy proxy = new TrustedProxy();
    proxy.trusted = trusted;
    return proxy;
  }

  private static HttpFakes.Request forwarded() {
    HttpFakes.Request request = new HttpFakes.Request();
    request.remoteAddress = "10.0.0.2";
    return request
        .header("X-Forwarded-For", "198.51.100.1, 203.0.113.9")
        .header("X-Forwarded-Proto", "https");
  }

  @Test
  void withoutATrustedProxyTheConnectionSaysWhoTheClientIs() {
    TrustedProxy untrusted = proxy(false);
    assertEquals("10.0.0.2", untrusted.clientOf(forwarded().servlet()).text());
    assertFalse(untrusted.isHttps(forwarded().servlet()));
    assertEquals("http", untrusted.scheme(forwarded().servlet()));
  }

  @Test
  void aTrustedProxyIsBelievedForTheEntryItAddedItself() {
    TrustedProxy trusted = proxy(true);
    assertEquals("203.0.113.9", trusted.clientOf(forwarded().servlet()).text());
    assertTrue(trusted.isHttps(forwarded().servlet()));
  }

  @Test
  void aTrustedProxyWithoutHeadersLeavesTheConnection() {
    HttpFakes.Request direct = new HttpFakes.Request();
    direct.remoteAddress = "192.0.2.4";
    direct.scheme = "https";
    assertEquals("192.0.2.4", proxy(true).clientOf(direct.servlet()).text());
    assertTrue(proxy(true).isHttps(direct.servlet()));
  }

  @Test
  void anOddProtoIsIgnored() {
    HttpFakes.Request odd = new HttpFakes.Request().header("X-Forwarded-Proto", "gopher");
    assertEquals("http", proxy(true).scheme(odd.servlet()));
  }
}
