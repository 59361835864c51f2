package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.PasswordHash;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkRulesTest {

  private static final URI ORIGIN = URI.create("https://sho.rt");
  private final ShortCodes codes = new ShortCodes("salt", 4);
  private final LinkRules rules;

  LinkRulesTest() {
    Destinations destinations = new Destinations();
    destinations.codes = codes;
    destinations.blocklist = new Blocklist();
    rules = new LinkRules(destinations, codes, ZoneId.of("Europe/Berlin"));
  }

  private static LinkForm form(Consumer<LinkForm> fields) {
    LinkForm form = LinkForm.of("https://example.com/page");
    fields.accept(form);
    return form;
  }

  private LinkValues create(Consumer<LinkForm> fields) throws InvalidLinkException {
    return rules.apply(form(fields), LinkValues.defaults(null), ORIGIN);
  }

  private Map<String, String> refused(Consumer<LinkForm> fields) {
    return assertThrows(InvalidLinkException.class, () -> create(fields)).fields();
  }

  @Test
  void aNewLinkTakesEveryDefault() throws InvalidLinkException {
    LinkValues link = create(form -> {});
    assertEquals("https://example.com/page", link.original());
    assertNull(link.alias());
    assertNull(link.title());
    assertEquals(List.of(), link.tags());
    assertNull(link.validFrom());
    assertNull(link.maxVisits());
    assertNull(link.passwordHash());
    assertEquals(302, link.redirectType());
    assertFalse(link.forwardQuery() || link.crawlable() || link.disabled());
  }

  @Test
  void everyFieldIsTaken() throws InvalidLinkException {
    LinkValues link =
        create(
            form -> {
              form.setAlias("spring-sale");
              form.setTitle(" Spring sale ");
              form.setTags(List.of(" campaign ", "spring", "Campaign"));
              form.setValidFrom("2026-03-01 09:00");
              form.setValidUntil("2026-03-31T23:59:00+02:00");
              form.setMaxVisits("1000");
              form.setFallbackUrl("https://example.com/over");
              form.setPassword("open sesame");
              form.setRedirectType("307");
              form.setForwardQuery(true);
              form.setCrawlable(true);
              form.setDisabled(true);
            });
    assertEquals("spring-sale", link.alias());
    assertEquals("Spring sale", link.title());
    assertEquals(List.of("campaign", "spring"), link.tags(), "stripped, each once ignoring case");
    assertEquals(
        Instant.parse("2026-03-01T08:00:00Z").toEpochMilli(), link.validFrom(), "in Berlin");
    assertEquals(Instant.parse("2026-03-31T21:59:00Z").toEpochMilli(), link.validUntil());
    assertEquals(1000, link.maxVisits());
    assertEquals("https://example.com/over", link.fallbackUrl());
    assertTrue(
        PasswordHash.parse(link.passwordHash()).orElseThrow().matches("open sesame".toCharArray()));
    assertEquals(307, link.redirectType());
    assertTrue(link.forwardQuery() && link.crawlable() && link.disabled());
  }

  @Test
  void anEditKeepsWhatItDoesNotName() throws InvalidLinkException {
    LinkValues current =
        new LinkValues(
            "https://example.com/old",
            "old-alias",
            "Old",
            List.of("a"),
            1L,
            2L,
            3L,
            "https://example.com/fallback",
            "pbkdf2-sha256$1$AA$AA",
            301,
            true,
            true,
            false);
    LinkForm onlyTitle = new LinkForm();
    onlyTitle.setTitle("New");
    LinkValues edited = rules.apply(onlyTitle, current, ORIGIN);
    assertEquals("New", edited.title());
    assertEquals(current.original(), edited.original());
    assertEquals(current.alias(), edited.alias());
    assertEquals(current.tags(), edited.tags());
    assertEquals(current.passwordHash(), edited.passwordHash());
    assertEquals(301, edited.redirectType());
    assertTrue(edited.forwardQuery());
  }

  @Test
  void anEmptyTextClearsAnOptionalField() throws InvalidLinkException {
    LinkValues current =
        new LinkValues(
            "https://example.com/old",
            "old-alias",
            "Old",
            List.of("a"),
            1L,
            2L,
            3L,
            "https://example.com/fallback",
            "pbkdf2-sha256$1$AA$AA",
            302,
            false,
            false,
            false);
    LinkForm clear = new LinkForm();
    clear.setAlias("");
    clear.setTitle(" ");
    clear.setTags(List.of());
    clear.setValidFrom("");
    clear.setValidUntil("");
    clear.setMaxVisits("");
    clear.setFallbackUrl("");
    clear.setPassword("");
    LinkValues edited = rules.apply(clear, current, ORIGIN);
    assertNull(edited.alias());
    assertNull(edited.title());
    assertEquals(List.of(), edited.tags());
    assertNull(edited.validFrom());
    assertNull(edited.validUntil());
    assertNull(edited.maxVisits());
    assertNull(edited.fallbackUrl());
    assertEquals(
        current.passwordHash(), edited.passwordHash(), "an empty password keeps the old one");
    clear.setRemovePassword(true);
    assertNull(rules.apply(clear, current, ORIGIN).passwordHash());
  }

  @Test
  void theUrlFollowsTheUrlRules() {
    assertEquals(
        Map.of("url", "Only web addresses starting with http:// or https:// can be shortened."),
        refused(form -> form.setUrl("javascript:alert(1)")));
    assertEquals(Map.of("url", "The URL is required!"), refused(form -> form.setUrl(" ")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a b|An alias may contain only letters, digits, - and _.",
        "spring.sale|An alias may contain only letters, digits, - and _.",
        "ünï|An alias may contain only letters, digits, - and _.",
        "stats|\"stats\" is a page of this site; choose another alias.",
        "Admin|\"Admin\" is a page of this site; choose another alias.",
        "WEB-INF|\"WEB-INF\" is a page of this site; choose another alias."
      })
  void refusesAliasesByTheirRule(String alias, String message) {
    assertEquals(Map.of("alias", message), refused(form -> form.setAlias(alias)));
  }

  @Test
  void refusesAliasesThatAGeneratedCodeWillBe() {
    String code = codes.encode(12345);
    assertEquals(
        Map.of(
            "alias", "\"" + code + "\" looks like a generated short code; choose another alias."),
        refused(form -> form.setAlias(code)));
  }

  @Test
  void anAliasHasAtMostSixtyFourCharacters() throws InvalidLinkException {
    assertEquals("a".repeat(64), create(form -> form.setAlias("a".repeat(64))).alias());
    assertEquals(
        Map.of("alias", "An alias has at most 64 characters."),
        refused(form -> form.setAlias("a".repeat(65))));
  }

  @Test
  void refusesTitlesThatAreTooLongOrHideControlCharacters() throws InvalidLinkException {
    assertEquals(200, create(form -> form.setTitle("t".repeat(200))).title().length());
    assertEquals(
        Map.of("title", "A title has at most 200 characters."),
        refused(form -> form.setTitle("t".repeat(201))));
    assertEquals(
        Map.of("title", "A title cannot contain control characters."),
        refused(form -> form.setTitle("a\u0007b")));
  }

  @Test
  void refusesTagsByTheirRules() throws InvalidLinkException {
    assertEquals(
        Map.of("tags", "A tag cannot be empty."), refused(form -> form.setTags(List.of("a", " "))));
    assertEquals(
        Map.of("tags", "A tag has at most 50 characters: " + "x".repeat(51)),
        refused(form -> form.setTags(List.of("x".repeat(51)))));
    assertEquals(50, create(form -> form.setTags(List.of("x".repeat(50)))).tags().get(0).length());
    assertEquals(
        Map.of("tags", "A tag cannot contain commas or control characters."),
        refused(form -> form.setTags(List.of("a,b"))));
    List<String> twenty = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      twenty.add("tag" + i);
    }
    assertEquals(20, create(form -> form.setTags(twenty)).tags().size());
    List<String> twentyOne = new java.util.ArrayList<>(twenty);
    twentyOne.add("one-more");
    assertEquals(
        Map.of("tags", "A link has at most 20 tags, not 21."),
        refused(form -> form.setTags(twentyOne)));
    assertEquals(
        List.of("same"),
        create(form -> form.setTags(Collections.nCopies(30, "same"))).tags(),
        "repeats count once");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"tomorrow", "2026-13-01 10:00", "2026-02-30", "31.12.2026", "2026-12-31 25:00"})
  void refusesDatesThatDoNotParse(String date) {
    assertEquals(
        Map.of("validFrom", "Not a date and time: write it as 2026-12-31 23:59."),
        refused(form -> form.setValidFrom(date)));
    assertEquals(
        Map.of("validUntil", "Not a date and time: write it as 2026-12-31 23:59."),
        refused(form -> form.setValidUntil(date)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-12-31|2026-12-30T23:00:00Z",
        "2026-12-31 23:59|2026-12-31T22:59:00Z",
        "2026-12-31T23:59|2026-12-31T22:59:00Z",
        "2026-12-31T23:59:30|2026-12-31T22:59:30Z",
        "2026-12-31T23:59:00Z|2026-12-31T23:59:00Z",
        "2026-06-30T12:00:00.5-04:00|2026-06-30T16:00:00.500Z"
      })
  void readsDatesWithAnOffsetOrInTheAdminsZone(String typed, String instant)
      throws InvalidLinkException {
    assertEquals(
        Instant.parse(instant).toEpochMilli(),
        create(form -> form.setValidFrom(typed)).validFrom());
  }

  @Test
  void validUntilComesAfterValidFrom() throws InvalidLinkException {
    assertEquals(
        Map.of("validUntil", "Valid until must come after valid from."),
        refused(
            form -> {
              form.setValidFrom("2026-12-31 10:00");
              form.setValidUntil("2026-12-31 09:00");
            }));
    assertEquals(
        Map.of("validUntil", "Valid until must come after valid from."),
        refused(
            form -> {
              form.setValidFrom("2026-12-31 10:00");
              form.setValidUntil("2026-12-31 10:00");
            }));
    create(
        form -> {
          form.setValidFrom("2026-12-31 10:00");
          form.setValidUntil("2026-12-31 10:01");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "1.5", "ten", "+5", "99999999999999999999", "1e3"})
  void maxVisitsIsAPositiveWholeNumber(String visits) {
    assertEquals(
        Map.of("maxVisits", "Max visits must be a positive whole number."),
        refused(form -> form.setMaxVisits(visits)));
  }

  @Test
  void theFallbackFollowsTheUrlRules() {
    assertEquals(
        Map.of(
            "fallbackUrl",
            "Fallback URL: Only web addresses starting with http:// or https:// can be shortened."),
        refused(form -> form.setFallbackUrl("ftp://example.com/")));
    assertEquals(
        Map.of(
            "fallbackUrl",
            "Fallback URL: Links to this computer or to private network addresses are not accepted."),
        refused(form -> form.setFallbackUrl("http://10.0.0.1/")));
  }

  @Test
  void refusesPasswordsThatAreTooLong() throws InvalidLinkException {
    assertEquals(
        Map.of("password", "A password has at most 200 characters."),
        refused(form -> form.setPassword("p".repeat(201))));
    assertTrue(create(form -> form.setPassword("p".repeat(200))).passwordHash() != null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"300", "303", "200", "abc", "3o2"})
  void theRedirectTypeIsOneOfFour(String type) {
    assertEquals(
        Map.of("redirectType", "The redirect type must be 301, 302, 307 or 308."),
        refused(form -> form.setRedirectType(type)));
  }

  @Test
  void everyRefusalIsReportedAtOnce() {
    Map<String, String> fields =
        refused(
            form -> {
              form.setUrl("nope");
              form.setAlias("a b");
              form.setMaxVisits("0");
              form.setRedirectType("1");
            });
    assertEquals(
        List.of("url", "alias", "maxVisits", "redirectType"), List.copyOf(fields.keySet()));
  }
}
