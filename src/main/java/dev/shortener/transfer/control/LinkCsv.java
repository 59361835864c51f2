package dev.shortener.transfer.control;

import dev.shortener.api.ApiDates;
import dev.shortener.web.Csv;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;

/**
 * The columns of the links' CSV export, which the CSV import recognises by name: one row per link,
 * its code and short link first, then every field. Dates are ISO 8601 with the zone's offset, tags
 * are separated by commas (a tag never holds one), flags are {@code true} or {@code false}, an
 * absent value is an empty cell.
 */
public final class LinkCsv {

  /** The header row's names, in order; the JSON export uses the same names. */
  public static final List<String> COLUMNS =
      List.of(
          "code",
          "short_url",
          "destination",
          "alias",
          "title",
          "tags",
          "created",
          "edited",
          "clicks",
          "disabled",
          "valid_from",
          "valid_until",
          "max_visits",
          "fallback_url",
          "redirect_type",
          "forward_query",
          "crawlable",
          "password_protected");

  private LinkCsv() {}

  /** The header row. */
  public static void header(Writer out) throws IOException {
    Csv.first(out, COLUMNS.get(0));
    for (String column : COLUMNS.subList(1, COLUMNS.size())) {
      Csv.cell(out, column);
    }
    out.write(Csv.END);
  }

  /** The row of {@code link}, whose code is {@code code} and short link {@code shortUrl}. */
  public static void row(Writer out, ExportedLink link, String code, String shortUrl, ZoneId zone)
      throws IOException {
    Csv.first(out, code);
    Csv.cell(out, shortUrl);
    Csv.cell(out, link.original());
    Csv.cell(out, link.alias());
    Csv.cell(out, link.title());
    Csv.cell(out, String.join(", ", link.tags()));
    Csv.cell(out, ApiDates.format(link.created(), zone));
    Csv.cell(out, date(link.edited(), zone));
    Csv.cell(out, Long.toString(link.clicks()));
    Csv.cell(out, Boolean.toString(link.disabled()));
    Csv.cell(out, date(link.validFrom(), zone));
    Csv.cell(out, date(link.validUntil(), zone));
    Csv.cell(out, link.maxVisits() == null ? null : link.maxVisits().toString());
    Csv.cell(out, link.fallbackUrl());
    Csv.cell(out, Integer.toString(link.redirectType()));
    Csv.cell(out, Boolean.toString(link.forwardQuery()));
    Csv.cell(out, Boolean.toString(link.crawlable()));
    Csv.cell(out, Boolean.toString(link.passwordProtected()));
    out.write(Csv.END);
  }

  static String date(Long epochMillis, ZoneId zone) {
    return epochMillis == null ? null : ApiDates.format(epochMillis, zone);
  }
}
