package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferrersTest {

  @ParameterizedTest
  @CsvSource({
    "https://www.google.com/, www.google.com",
    "https://t.co, t.co",
    "http://example.com, example.com",
    "https://News.Example.COM/Story, news.example.com",
    "HTTPS://EXAMPLE.COM/, example.com",
    "https://example.com:8443/a/b?q=secret#top, example.com",
    "https://example.com:/, example.com",
    "https://example.com:65535/, example.com",
    "https://example.com:9/, example.com",
    "https://example.com:0/, example.com",
    "https://example.com/@elsewhere.example, example.com",
    "https://example.com?to=user@elsewhere.example, example.com",
    "https://user:password@example.com/, example.com",
    "https://odd@user@example.com/, example.com",
    "https://example.com?q=1, example.com",
    "https://example.com#top, example.com",
    "https://example.com\\path, example.com",
    "https://example.com./, example.com",
    "'  https://example.com/  ', example.com",
    "https://xn--bcher-kva.example/, xn--bcher-kva.example",
    "https://bücher.example/, bücher.example",
    "https://my_host.example/, my_host.example",
    "http://192.168.1.10:8080/admin, 192.168.1.10",
    "http://[2001:DB8::1]:8080/, [2001:db8::1]",
    "http://[::ffff:192.0.2.1]/, [::ffff:192.0.2.1]",
    "android-app://com.slack/, com.slack",
    "android-app://com.google.android.gm, com.google.android.gm",
    "android-app://com.google.android.googlequicksearchbox/https/www.google.com,"
        + " com.google.android.googlequicksearchbox",
  })
  void theHostIsKept(String referer, String host) {
    assertEquals(host, Referrers.host(referer));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "   ",
        "example.com",
        "www.example.com/path",
        "//example.com/",
        "about:blank",
        "about:client",
        "file:///home/someone/page.html",
        "ftp://files.example.com/",
        "javascript://example.com/",
        "chrome-extension://abcdefghijklmnop/",
        "https://",
        "https:///path",
        "https://?q=1",
        "https://@/",
        "https://user@/",
        "https://:443/",
        "https://example.com:port/",
        "https://example.com:123456/",
        "https://example.com:-1/",
        "https://exa mple.com/",
        "https://example..com/",
        "https://.example.com/",
        "https://example.com../",
        "https://example.com%2F/",
        "https://<script>/",
        "https://[2001:db8::1/",
        "https://[]/",
        "https://[example.com]/",
        "https://[2001:db8::1]x/",
        "https://[2001:db8::1]:123456/",
        "https://[192.0.2.1]/",
        "https://[abcd]/",
        "https://[example:com]/",
        "https://[2001:db8::g]/",
        "://example.com/",
        "https:example.com",
        "http:/example.com",
      })
  void whatNamesNoWebHostGivesNull(String referer) {
    assertNull(Referrers.host(referer));
  }

  @Test
  void aHostLongerThanDnsAllowsIsMadeUp() {
    String longest =
        "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
    assertEquals(253, longest.length());
    assertEquals(longest, Referrers.host("https://" + longest + "/"));
    assertNull(Referrers.host("https://" + longest + "e/"));
    assertNull(Referrers.host("https://" + "x".repeat(100_000)));
  }

  @Test
  void aLongPathCostsNothing() {
    assertEquals("example.com", Referrers.host("https://example.com/" + "x".repeat(100_000)));
  }
}
