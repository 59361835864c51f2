package dev.shortener.transfer.control;

import dev.shortener.api.ApiDates;
import jakarta.json.stream.JsonGenerator;
import java.time.ZoneId;
import java.util.Iterator;

/**
 * A link as an object of the JSON export, under {@link LinkCsv#COLUMNS}' names: the same values as
 * the CSV, typed (numbers, {@code true}/{@code false}, tags as an array, {@code null} for an absent
 * value), so that a program reads every field without guessing.
 */
public final class LinkJson {

  private LinkJson() {}

  /** Writes {@code link}'s object, as an element of the array {@code json} is in. */
  public static void write(
      JsonGenerator json, ExportedLink link, String code, String shortUrl, ZoneId zone) {
    Iterator<String> name = LinkCsv.COLUMNS.iterator();
    json.writeStartObject();
    json.write(name.next(), code);
    json.write(name.next(), shortUrl);
    json.write(name.next(), link.original());
    text(json, name.next(), link.alias());
    text(json, name.next(), link.title());
    json.writeStartArray(name.next());
    link.tags().forEach(json::write);
    json.writeEnd();
    json.write(name.next(), ApiDates.format(link.created(), zone));
    text(json, name.next(), LinkCsv.date(link.edited(), zone));
    json.write(name.next(), link.clicks());
    json.write(name.next(), link.disabled());
    text(json, name.next(), LinkCsv.date(link.validFrom(), zone));
    text(json, name.next(), LinkCsv.date(link.validUntil(), zone));
    number(json, name.next(), link.maxVisits());
    text(json, name.next(), link.fallbackUrl());
    json.write(name.next(), link.redirectType());
    json.write(name.next(), link.forwardQuery());
    json.write(name.next(), link.crawlable());
    json.write(name.next(), link.passwordProtected());
    json.writeEnd();
  }

  private static void text(JsonGenerator json, String name, String value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value);
    }
  }

  private static void number(JsonGenerator json, String name, Long value) {
    if (value == null) {
      json.writeNull(name);
    } else {
      json.write(name, value);
    }
  }
}
