package dev.shortener.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void anIpv4AddressIsItsOwnKey() {
    assertEquals("203.0.113.7", ClientAddress.of("203.0.113.7").key());
    assertNotEquals(ClientAddress.of("203.0.113.7").key(), ClientAddress.of("203.0.113.8").key());
  }

  @Test
  void everyAddressOfOneIpv6Slash64SharesAKey() {
    String key = ClientAddress.of("2001:db8:1:2::1").key();
    assertEquals("2001:db8:1:2::/64", key);
    assertEquals(key, ClientAddress.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff").key());
    assertEquals(key, ClientAddress.of("[2001:db8:1:2:3:4:5:6]").key());
    assertNotEquals(key, ClientAddress.of("2001:db8:1:3::1").key());
  }

  @Test
  void ipv4InsideIpv6IsTheIpv4Address() {
    assertEquals("192.0.2.1", ClientAddress.of("::ffff:192.0.2.1").key());
  }

  @Test
  void somethingElseIsKeyedAsGivenWithoutALookup() {
    assertEquals("unknown", ClientAddress.of("unknown").key());
    assertEquals("example.com", ClientAddress.of("example.com").key());
    assertEquals("", ClientAddress.of(null).key());
  }

  @Test
  void keepsTheTextAsGiven() {
    assertEquals("2001:db8:1:2::1", ClientAddress.of(" 2001:db8:1:2::1 ").text());
  }
}
