package dev.shortener.links.boundary;

import static dev.shortener.api.ApiJson.JSON;

import dev.shortener.api.ApiDates;
import dev.shortener.visits.boundary.VisitsResource;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.time.ZoneId;

/**
 * A link as Shlink's short URL object: every member Shlink sends ({@code shortCode}, {@code
 * shortUrl}, {@code longUrl}, {@code dateCreated}, {@code visitsSummary}, {@code tags}, {@code
 * meta}, {@code domain}, {@code title}, {@code crawlable}, {@code forwardQuery}, {@code
 * hasRedirectRules}), and ours beside them, which Shlink's clients ignore: {@code
 * passwordProtected} (never the password), {@code redirectType}, {@code fallbackUrl}, {@code
 * disabled}. A member without a value is JSON null, as Shlink sends it.
 */
final class ShortUrlJson {

  private ShortUrlJson() {}

  /** Link {@code link}, whose short links start with {@code origin}, dated in {@code zone}. */
  static JsonObject of(LinkDetails link, URI origin, ZoneId zone, long bots) {
    JsonObjectBuilder meta = JSON.createObjectBuilder();
    date(meta, "validSince", link.validFrom(), zone);
    date(meta, "validUntil", link.validUntil(), zone);
    if (link.maxVisits() == null) {
      meta.addNull("maxVisits");
    } else {
      meta.add("maxVisits", link.maxVisits());
    }
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("shortCode", link.key())
            .add("shortUrl", PublicOrigin.linkTo(origin, link.key()))
            .add("longUrl", link.original())
            .add("dateCreated", ApiDates.format(link.created(), zone))
            .add("visitsSummary", VisitsResource.summary(link.clicks(), bots))
            .add("tags", JSON.createArrayBuilder(link.tags()))
            .add("meta", meta)
            .addNull("domain");
    text(json, "title", link.title());
    json.add("crawlable", link.crawlable())
        .add("forwardQuery", link.forwardQuery())
        .add("hasRedirectRules", false)
        .add("passwordProtected", link.passwordProtected())
        .add("redirectType", link.redirectType());
    text(json, "fallbackUrl", link.fallbackUrl());
    return json.add("disabled", link.disabled()).build();
  }

  private static void date(JsonObjectBuilder json, String name, Long millis, ZoneId zone) {
    if (millis == null) {
      json.addNull(name);
    } else {
      json.add(name, ApiDates.format(millis, zone));
    }
  }

  private static void text(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }
}
