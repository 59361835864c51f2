package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.ShortCodes;
import dev.shortener.links.control.TestRules;
import dev.shortener.transfer.control.ImportCheck.Accepted;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportCheckTest {

  private static final long NOW = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  private final ImportCheck check =
      new ImportCheck(
          TestRules.of(new ShortCodes("salt", 4), ZoneId.of("Europe/Berlin")),
          URI.create("https://sho.rt"));

  private static ImportRow row(Object... fieldsAndValues) {
    Map<ImportField, String> values = new EnumMap<>(ImportField.class);
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      values.put((ImportField) fieldsAndValues[i], (String) fieldsAndValues[i + 1]);
    }
    return new ImportRow(2, null, values);
  }

  @Test
  void aRowOfOnlyADestinationIsALinkCreatedNowWithoutClicks() throws InvalidLinkException {
    Accepted accepted = check.check(row(ImportField.DESTINATION, "https://example.com/a"), NOW);
    assertEquals("https://example.com/a", accepted.values().original());
    assertEquals(NOW, accepted.created());
    assertNull(accepted.edited());
    assertEquals(0, accepted.clicks());
  }

  @ParameterizedTest
  @CsvSource({
    "1620097321000, 2021-05-04T03:02:01Z",
    "2021-05-04T05:02:01+02:00, 2021-05-04T03:02:01Z",
    "2021-05-04T05:02:01, 2021-05-04T03:02:01Z",
  })
  void aCreationDateIsEpochMillisecondsOrADateAsTheFormTakesIt(String text, String instant)
      throws InvalidLinkException {
    Accepted accepted =
        check.check(
            row(ImportField.DESTINATION, "https://example.com/a", ImportField.CREATED, text), NOW);
    assertEquals(Instant.parse(instant).toEpochMilli(), accepted.created());
  }

  @Test
  void everyFieldAnImportSetsIsKept() throws InvalidLinkException {
    Accepted accepted =
        check.check(
            row(
                ImportField.DESTINATION, "https://example.com/a",
                ImportField.ALIAS, "kept-alias",
                ImportField.TITLE, "A title",
                ImportField.TAGS, "one, two ,three",
                ImportField.CLICKS, "42",
                ImportField.EDITED, "1620097322000",
                ImportField.MAX_VISITS, "9",
                ImportField.REDIRECT_TYPE, "301",
                ImportField.CRAWLABLE, "yes",
                ImportField.FORWARD_QUERY, "0",
                ImportField.DISABLED, "TRUE"),
            NOW);
    assertEquals("kept-alias", accepted.values().alias());
    assertEquals("A title", accepted.values().title());
    assertEquals(List.of("one", "two", "three"), accepted.values().tags());
    assertEquals(42, accepted.clicks());
    assertEquals(1620097322000L, accepted.edited());
    assertEquals(9L, accepted.values().maxVisits());
    assertEquals(301, accepted.values().redirectType());
    assertTrue(accepted.values().crawlable());
    assertFalse(accepted.values().forwardQuery());
    assertTrue(accepted.values().disabled());
  }

  @Test
  void aRowIsRefusedWithEveryReasonTheRulesGive() {
    assertEquals(
        Map.of("url", "The destination URL is empty."),
        assertThrows(InvalidLinkException.class, () -> check.check(row(), NOW)).fields());
    InvalidLinkException refused =
        assertThrows(
            InvalidLinkException.class,
            () -> check.check(row(ImportField.DESTINATION, "javascript:alert(1)"), NOW));
    assertTrue(refused.fields().containsKey("url"), refused.fields().toString());
    assertFalse(ImportCheck.reason(refused).isBlank());
  }

  @Test
  void aDateClicksOrAFlagThatIsNoneIsRefusedByName() {
    assertEquals(
        "Creation date is not a date and time: last week.",
        assertThrows(
                InvalidLinkException.class,
                () ->
                    check.check(
                        row(
                            ImportField.DESTINATION,
                            "https://example.com/a",
                            ImportField.CREATED,
                            "last week"),
                        NOW))
            .fields()
            .get("created"));
    assertEquals(
        "Clicks must be a whole number, not -3.",
        assertThrows(
                InvalidLinkException.class,
                () ->
                    check.check(
                        row(
                            ImportField.DESTINATION,
                            "https://example.com/a",
                            ImportField.CLICKS,
                            "-3"),
                        NOW))
            .fields()
            .get("clicks"));
    assertEquals(
        "Crawlable must be true or false, not maybe.",
        assertThrows(
                InvalidLinkException.class,
                () ->
                    check.check(
                        row(
                            ImportField.DESTINATION,
                            "https://example.com/a",
                            ImportField.CRAWLABLE,
                            "maybe"),
                        NOW))
            .fields()
            .get("crawlable"));
  }
}
