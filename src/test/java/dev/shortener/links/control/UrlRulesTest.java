package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlRulesTest {

  private String check(String input) throws InvalidUrlException {
    return UrlRules.check(input).url();
  }

  private String refusal(String input) {
    return assertThrows(InvalidUrlException.class, () -> check(input)).getMessage();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.com",
        "https://example.com/a/b?c=d&e=f#g",
        "HTTPS://EXAMPLE.COM/",
        "https://example.com:8443/path",
        "https://例え.jp/パス?q=ü",
        "http://127.0.0.1:8080/x",
        "https://[::1]:8080/ipv6",
        "https://example.com:65535/",
        "https://example.com:1/",
        "https://example.com:/empty-port",
        "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example/é"
      })
  void acceptsWebAddresses(String url) throws InvalidUrlException {
    assertEquals(url, check(url));
  }

  @Test
  void trims() throws InvalidUrlException {
    assertEquals("https://example.com/", check("  https://example.com/ \n"));
  }

  @Test
  void requiresAUrlWithTheTutorialsWording() {
    assertEquals("The URL is required!", refusal(null));
    assertEquals("The URL is required!", refusal(""));
    assertEquals("The URL is required!", refusal("   "));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "ftp://example.com/file",
        "data:text/html,hi",
        "example.com",
        "/relative/path",
        "mailto:a@example.com",
        "file:///etc/passwd"
      })
  void acceptsOnlyHttpAndHttps(String url) {
    assertEquals(
        "Only web addresses starting with http:// or https:// can be shortened.", refusal(url));
  }

  @ParameterizedTest
  @ValueSource(strings = {"https:///path", "http:/example.com", "https:example.com"})
  void requiresAHost(String url) {
    assertEquals("The URL needs a host name, like https://example.com/.", refusal(url));
  }

  @Test
  void aSchemeAloneIsNoUrl() {
    assertEquals("That is not a valid URL: Expected authority.", refusal("http://"));
  }

  @Test
  void limitsTheLength() throws InvalidUrlException {
    String prefix = "https://example.com/";
    String longest = prefix + "a".repeat(UrlRules.MAX_LENGTH - prefix.length());
    assertEquals(longest, check(longest));
    assertEquals(
        "The URL is too long: 2049 characters, at most 2,048 are allowed.", refusal(longest + "a"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://exa\u0000mple.com",
        "https://example.com/\u0007",
        "https://example.com/a\u0085b",
        "https://example.com/\u202Egnp.exe",
        "https://example.com/a\tb"
      })
  void refusesControlCharacters(String url) {
    assertEquals("The URL contains control characters.", refusal(url));
  }

  @Test
  void refusesSpaces() {
    assertEquals(
        "The URL contains spaces; encode them as %20 or remove them.",
        refusal("https://example.com/a b"));
  }

  @Test
  void refusesCredentials() {
    String message =
        "URLs with a user name or password are not accepted: they are a common phishing trick.";
    assertEquals(message, refusal("https://user:pass@example.com/"));
    assertEquals(message, refusal("https://google.com@evil.example/"));
    assertEquals(message, refusal("https://user@example.com/"));
  }

  @Test
  void refusesWhatIsNoUrlAtAll() {
    assertEquals(
        "That is not a valid URL: Illegal character in authority.",
        refusal("https://exa<mple.com/"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://example.org:99999/",
        "http://example.org:65536/",
        "http://example.org:0/",
        "http://example.org:-1/",
        "http://example.org:80a/",
        "https://bücher.example:123456/"
      })
  void refusesImpossiblePorts(String url) {
    assertEquals("The port of the URL must be a number from 1 to 65535.", refusal(url));
  }

  @Test
  void refusesWhatTheLocationHeaderCannotCarry() {
    // A label over 63 characters has no ASCII form: IDN refuses it. Stored, its link would answer
    // 500 to every visit; the rule is the conversion itself.
    String tooLongLabel = "https://" + "a".repeat(64) + ".example/é";
    assertThrows(IllegalArgumentException.class, () -> UrlRules.toLocation(tooLongLabel));
    assertEquals("The host name of the URL is not valid.", refusal(tooLongLabel));
    assertEquals(
        "The host name of the URL is not valid.",
        refusal("https://" + "a".repeat(64) + ".example/"));
    assertEquals(
        "The host name of the URL is not valid.",
        refusal("https://" + "abcdefghij.".repeat(23) + "example/"));
    assertEquals("The host name of the URL is not valid.", refusal("https://exa..mple.com/"));
  }

  @Test
  void everyAcceptedUrlHasALocation() throws InvalidUrlException {
    UrlRules.Target target = UrlRules.check("https://Bücher.Example./pfad?q=ä");
    assertEquals("https://xn--bcher-kva.Example./pfad?q=%C3%A4", target.location());
    assertEquals("xn--bcher-kva.example", target.host(), "lower case, ASCII, no final dot");
    assertEquals("/pfad", target.path());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://Example.COM/a|example.com",
        "https://example.com.:8443/a|example.com",
        "http://[::1]:8080/|[::1]",
        "https://bücher.example/x?y#z|xn--bcher-kva.example",
        "https://example.com|example.com",
        "https://example.com?q=1|example.com"
      })
  void findsTheHostOfAStoredUrlCheaply(String url, String host) throws InvalidUrlException {
    assertEquals(host, UrlRules.hostOf(url));
    assertEquals(host, UrlRules.check(url).host(), "the same host the rules see");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://example.com/a?b=c&d=%2F#e|https://example.com/a?b=c&d=%2F#e",
        "https://example.com/ünï/päth?q=ä#frag|https://example.com/%C3%BCn%C3%AF/p%C3%A4th?q=%C3%A4#frag",
        "https://bücher.example:8080/x|https://xn--bcher-kva.example:8080/x",
        "https://例え.jp|https://xn--r8jz45g.jp",
        "https://example.com/😀|https://example.com/%F0%9F%98%80"
      })
  void writesLocationsInAscii(String stored, String location) {
    assertEquals(location, UrlRules.toLocation(stored));
  }

  @Test
  void theLimitsOfDnsAreKeptExactly() throws InvalidUrlException {
    String label63 = "b".repeat(63);
    assertEquals("https://" + label63 + ".example/", check("https://" + label63 + ".example/"));
    String host253 = ("c".repeat(49) + ".").repeat(5) + "c".repeat(3);
    assertEquals(253, host253.length());
    assertEquals("https://" + host253 + "/", check("https://" + host253 + "/"));
    assertEquals("The host name of the URL is not valid.", refusal("https://" + host253 + "c/"));
  }

  @Test
  void theFirstNonAsciiCharacterIsEncodedAndTheLastAsciiOneIsNot() {
    assertEquals("https://example.com/~\u007F", UrlRules.toLocation("https://example.com/~\u007F"));
    assertEquals("https://example.com/%C2%80", UrlRules.toLocation("https://example.com/\u0080"));
    assertEquals(
        "https://xn--bcher-kva.example:8080/", UrlRules.toLocation("https://bücher.example:8080/"));
    assertEquals("https://[::1]:8080/%C3%A4", UrlRules.toLocation("https://[::1]:8080/ä"));
  }

  @Test
  void theHostOfANonAsciiUrlIsItsPunycode() {
    assertEquals("xn--r8jz45g.jp", UrlRules.hostOf("https://例え.jp/パス"));
    assertEquals("xn--r8jz45g.jp", UrlRules.hostOf("https://例え.jp:443"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://0x7f.0x0.0x0.0x1/|127.0.0.1",
        "http://0x/|0.0.0.0",
        "http://00/|0.0.0.0",
        "http://0xffffffff/|255.255.255.255",
        "http://1.0xffffff/|1.255.255.255",
        "http://1.2.0xffff/|1.2.255.255",
        "http://999999999999/|refused",
        "http://0x1234567890abc/|refused",
        "http://1.256.0.1/|refused",
        "http://1.2.65536/|refused"
      })
  void readsNumericHostsAsBrowsersDo(String url, String host) {
    if (host.equals("refused")) {
      assertEquals("The host name of the URL is not valid.", refusal(url));
    } else {
      assertEquals(host, assertDoesNotThrow(() -> UrlRules.check(url)).host());
    }
  }
}
