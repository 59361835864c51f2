package dev.shortener.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ApiDatesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void datesAreWrittenWithSecondsAndANumericOffsetNeverZ() {
    long millis = Instant.parse("2026-12-01T10:00:00.789Z").toEpochMilli();
    assertEquals("2026-12-01T11:00:00+01:00", ApiDates.format(millis, BERLIN));
    assertEquals("2026-12-01T10:00:00+00:00", ApiDates.format(millis, ZoneOffset.UTC));
  }

  @Test
  void datesAreReadWithAnOffsetOrZWithoutOneAndAsAPlainDay() {
    Instant ten = Instant.parse("2026-12-01T10:00:00Z");
    assertEquals(ten, ApiDates.parse("2026-12-01T10:00:00Z", BERLIN));
    assertEquals(ten, ApiDates.parse("2026-12-01T11:00:00+01:00", BERLIN));
    assertEquals(ten.plusMillis(500), ApiDates.parse("2026-12-01T10:00:00.5Z", BERLIN));
    assertEquals(ten, ApiDates.parse(" 2026-12-01T11:00:00 ", BERLIN), "in the server's zone");
    assertEquals(Instant.parse("2026-11-30T23:00:00Z"), ApiDates.parse("2026-12-01", BERLIN));
    assertThrows(DateTimeException.class, () -> ApiDates.parse("yesterday", BERLIN));
    assertThrows(DateTimeException.class, () -> ApiDates.parse("2026-02-30", BERLIN));
  }
}
