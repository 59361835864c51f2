package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.api.ApiJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkJsonTest {

  private static JsonObject written(ExportedLink link) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = ApiJson.JSON.createGenerator(out)) {
      json.writeStartArray();
      LinkJson.write(json, link, "abcd", "http://h/abcd", ZoneId.of("UTC"));
      json.writeEnd();
    }
    return ApiJson.JSON.createReader(new StringReader(out.toString())).readArray().getJsonObject(0);
  }

  @Test
  void everyColumnIsAFieldOfItsType() {
    JsonObject link =
        written(
            new ExportedLink(
                9,
                1_796_119_200_000L,
                null,
                "https://example.com/",
                12,
                "promo",
                "Title",
                List.of("a", "b"),
                false,
                null,
                1_796_119_200_000L,
                5L,
                null,
                true,
                307,
                true,
                false));
    assertEquals(LinkCsv.COLUMNS, List.copyOf(link.keySet()));
    assertEquals("abcd", link.getString("code"));
    assertEquals("http://h/abcd", link.getString("short_url"));
    assertEquals("https://example.com/", link.getString("destination"));
    assertEquals("promo", link.getString("alias"));
    assertEquals(
        List.of("a", "b"),
        link.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals("2026-12-01T10:00:00+00:00", link.getString("created"));
    assertEquals(JsonValue.NULL, link.get("edited"));
    assertEquals(12, link.getInt("clicks"));
    assertEquals(JsonValue.FALSE, link.get("disabled"));
    assertEquals(JsonValue.NULL, link.get("valid_from"));
    assertEquals("2026-12-01T10:00:00+00:00", link.getString("valid_until"));
    assertEquals(5, link.getInt("max_visits"));
    assertEquals(JsonValue.NULL, link.get("fallback_url"));
    assertEquals(307, link.getInt("redirect_type"));
    assertEquals(JsonValue.TRUE, link.get("forward_query"));
    assertEquals(JsonValue.FALSE, link.get("crawlable"));
    assertTrue(link.getBoolean("password_protected"));
  }
}
