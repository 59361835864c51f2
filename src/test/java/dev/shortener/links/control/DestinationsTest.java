package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationsTest {

  private static final String LOOP = "That is already a short link of this site.";
  private static final String PRIVATE =
      "Links to this computer or to private network addresses are not accepted.";

  private final ShortCodes codes = new ShortCodes("salt", 4);
  private final String code = codes.encode(7);
  private final Destinations destinations = new Destinations();

  DestinationsTest() {
    destinations.codes = codes;
    destinations.blocklist = new Blocklist();
  }

  private String check(String url, String origin) throws InvalidUrlException {
    return destinations.check(url, URI.create(origin)).url();
  }

  private String refusal(String url, String origin) {
    return assertThrows(InvalidUrlException.class, () -> check(url, origin)).getMessage();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://sho.rt/%s",
        "https://SHO.RT:443/%s",
        "https://sho.rt./%s",
        "https://sho.rt//%s",
        "https://sho.rt/./%s",
        "https://sho.rt/x/../%s",
        "https://sho.rt/%s;jsessionid=1",
        "http://sho.rt/%s",
        "http://sho.rt:8080/%s",
        "https://sho.rt/%s?utm=1#top"
      })
  void refusesEveryWayOfWritingItsOwnShortLinks(String pattern) {
    assertEquals(LOOP, refusal(pattern.formatted(code), "https://sho.rt"));
  }

  @Test
  void aPercentEncodedCodeIsTheCode() {
    String encoded = "%" + Integer.toHexString(code.charAt(0)) + code.substring(1);
    assertEquals(LOOP, refusal("https://sho.rt/" + encoded, "https://sho.rt"));
  }

  @Test
  void acceptsOtherPathsOnItsOwnHost() throws InvalidUrlException {
    check("https://sho.rt/stats", "https://sho.rt");
    check("https://sho.rt/" + code + "/more", "https://sho.rt");
    check("https://sho.rt/zzzzzz", "https://sho.rt");
    check("https://other.example/" + code, "https://sho.rt");
  }

  @Test
  void knowsTheConfiguredNamesWhateverTheRequestSays() {
    destinations.ownHosts.add("sho.rt");
    destinations.ownHosts.add("www.sho.rt");
    assertEquals(LOOP, refusal("https://sho.rt/" + code, "http://10.0.0.5:8080"));
    assertEquals(LOOP, refusal("https://www.sho.rt/" + code, "http://10.0.0.5:8080"));
  }

  @Test
  void oneLoopbackNameIsEveryLoopbackName() {
    destinations.allowPrivate = true;
    for (String host :
        new String[] {"localhost", "127.0.0.1", "[::1]", "127.1.2.3", "app.localhost"}) {
      assertEquals(
          LOOP, refusal("http://" + host + ":8080/" + code, "http://127.0.0.1:8080"), host);
    }
  }

  @Test
  void theBasePathComesBeforeTheCode() {
    assertEquals(LOOP, refusal("https://example.org/s/" + code, "https://example.org/s"));
    destinations.basePath = "/go";
    destinations.ownHosts.add("example.org");
    assertEquals(LOOP, refusal("https://example.org/go/" + code, "http://internal:8080"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost/",
        "http://LOCALHOST:8080/x",
        "http://printer.localhost/",
        "http://127.0.0.1/",
        "http://127.255.255.254/",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://172.31.255.255/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://[::1]/",
        "http://[::]/",
        "http://[fe80::1]/",
        "http://[fc00::1]/",
        "http://[fd12:3456::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:192.168.1.1]/"
      })
  void refusesThisMachineAndPrivateNetworks(String url) {
    assertEquals(PRIVATE, refusal(url, "https://sho.rt"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://172.15.0.1/",
        "http://172.32.0.1/",
        "http://11.0.0.1/",
        "http://100.128.0.1/",
        "http://192.169.0.1/",
        "http://[2001:db8::1]/",
        "http://[::ffff:8.8.8.8]/",
        "http://localhost.example.com/",
        "http://10.example/"
      })
  void acceptsPublicAddressesThatLookAlike(String url) throws InvalidUrlException {
    assertEquals(url, check(url, "https://sho.rt"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0x7f.1/",
        "http://127.1/",
        "http://017700000001/",
        "http://0177.0.0.1/",
        "http://10.0x10.1/",
        "http://192.168.257/"
      })
  void otherSpellingsOfAPrivateAddressAreThatAddress(String url) {
    assertEquals(PRIVATE, refusal(url, "https://sho.rt"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://256.0.0.1/",
        "http://1.2.3.4.5/",
        "http://1.2.3.09/",
        "http://4294967296/"
      })
  void numericHostsThatBrowsersRefuseAreRefused(String url) {
    assertEquals("The host name of the URL is not valid.", refusal(url, "https://sho.rt"));
  }

  @Test
  void browsersReadANumericHostAsAnAddress() throws InvalidUrlException {
    assertEquals("127.0.0.1", UrlRules.check("http://2130706433/").host());
    assertEquals("127.0.0.1", UrlRules.check("http://0x7f.1/").host());
    assertEquals("10.16.0.1", UrlRules.check("http://10.0x10.1/").host());
    assertEquals("8.8.8.8", UrlRules.check("http://134744072/").host());
    assertEquals("http://134744072/", check("http://134744072/", "https://sho.rt"));
  }

  @Test
  void privateTargetsCanBeAllowed() throws InvalidUrlException {
    destinations.allowPrivate = true;
    assertEquals("http://192.168.0.1/", check("http://192.168.0.1/", "https://sho.rt"));
  }

  @Test
  void refusesBlockedDomainsAndTheirSubdomains(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("blocked.txt");
    Files.writeString(file, "# phishing\nevil.example\n");
    destinations.blocklist = Blocklists.reading(file);
    assertEquals(
        "Links to evil.example are not accepted here.",
        refusal("https://login.evil.example/x", "https://sho.rt"));
    assertEquals(
        "Links to evil.example are not accepted here.",
        refusal("https://EVIL.example./", "https://sho.rt"));
  }

  @Test
  void theLoopRuleSpeaksFirst() {
    assertEquals(LOOP, refusal("http://localhost:8080/" + code, "http://localhost:8080"));
  }

  @Test
  void takesItsNamesFromTheSettings() {
    System.setProperty("shortener.base.url", "https://Sho.RT./go/");
    System.setProperty("shortener.own.hosts", "www.sho.rt, alias.example:8080");
    System.setProperty("shortener.allow.private.targets", "true");
    try {
      Destinations configured = new Destinations();
      configured.codes = codes;
      configured.blocklist = new Blocklist();
      configured.load();
      assertEquals(java.util.Set.of("sho.rt", "www.sho.rt", "alias.example"), configured.ownHosts);
      assertEquals("/go", configured.basePath);
      assertTrue(configured.allowPrivate);
    } finally {
      System.clearProperty("shortener.base.url");
      System.clearProperty("shortener.own.hosts");
      System.clearProperty("shortener.allow.private.targets");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"http://100.127.255.255/", "http://169.254.0.1/", "http://[fe80::1%25eth0]/"})
  void theEdgesOfThePrivateRangesArePrivate(String url) {
    String refused = refusal(url, "https://sho.rt");
    assertTrue(refused.equals(PRIVATE) || refused.startsWith("That is not a valid URL"), refused);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://100.63.255.255/",
        "http://169.253.0.1/",
        "http://169.255.0.1/",
        "http://192.167.0.1/",
        "http://126.255.255.255/",
        "http://128.0.0.1/",
        "http://9.255.255.255/",
        "http://[::fffe:10.0.0.1]/",
        "http://[1::ffff:10.0.0.1]/",
        "http://[fbff::1]/",
        "http://[fec0::1]/"
      })
  void justOutsideThePrivateRangesIsPublic(String url) throws InvalidUrlException {
    assertEquals(url, check(url, "https://sho.rt"));
  }

  @Test
  void aPathIsTakenAsTheServerMapsIt() {
    assertEquals("/a", Destinations.serverPath("/x/../a"));
    assertEquals("/a/b", Destinations.serverPath("//a/./b/"));
    assertEquals("/", Destinations.serverPath("/../.."));
    assertEquals("/a", Destinations.serverPath("/a;x=1"));
    assertEquals("/", Destinations.serverPath(""));
  }
}
