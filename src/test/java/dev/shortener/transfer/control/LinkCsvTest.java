package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkCsvTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** 2026-12-01 10:00:00 UTC. */
  private static final long CREATED = 1_796_119_200_000L;

  @Test
  void theHeaderNamesEveryColumnInOrder() throws IOException {
    StringWriter out = new StringWriter();
    LinkCsv.header(out);
    assertEquals(
        "code,short_url,destination,alias,title,tags,created,edited,clicks,disabled,valid_from,"
            + "valid_until,max_visits,fallback_url,redirect_type,forward_query,crawlable,"
            + "password_protected\r\n",
        out.toString());
  }

  @Test
  void aLinkWithEveryFieldIsOneRow() throws IOException {
    ExportedLink link =
        new ExportedLink(
            7,
            CREATED,
            CREATED + 3_600_000,
            "https://example.com/a?b=1,2",
            42,
            "spring",
            "-50% \"sale\"",
            List.of("news", "2026 q4"),
            true,
            CREATED,
            CREATED + 86_400_000,
            100L,
            "https://example.com/over",
            true,
            301,
            true,
            true);
    StringWriter out = new StringWriter();
    LinkCsv.row(out, link, "3kTM", "https://sho.rt/spring", PARIS);
    assertEquals(
        "3kTM,https://sho.rt/spring,\"https://example.com/a?b=1,2\",spring,\"'-50% \"\"sale\"\"\","
            + "\"news, 2026 q4\",2026-12-01T11:00:00+01:00,2026-12-01T12:00:00+01:00,42,true,"
            + "2026-12-01T11:00:00+01:00,2026-12-02T11:00:00+01:00,100,https://example.com/over,"
            + "301,true,true,true\r\n",
        out.toString());
  }

  @Test
  void absentValuesAreEmptyCells() throws IOException {
    ExportedLink link =
        new ExportedLink(
            1,
            CREATED,
            null,
            "https://example.com/",
            0,
            null,
            null,
            List.of(),
            false,
            null,
            null,
            null,
            null,
            false,
            302,
            false,
            false);
    StringWriter out = new StringWriter();
    LinkCsv.row(out, link, "abcd", "http://h/abcd", ZoneId.of("UTC"));
    assertEquals(
        "abcd,http://h/abcd,https://example.com/,,,,2026-12-01T10:00:00+00:00,,0,false,,,,,302,"
            + "false,false,false\r\n",
        out.toString());
  }
}
