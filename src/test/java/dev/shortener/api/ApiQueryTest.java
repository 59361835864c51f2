package dev.shortener.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiQueryTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static ApiQuery query(String... namesAndValues) {
    MultivaluedHashMap<String, String> map = new MultivaluedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return new ApiQuery(map, BERLIN);
  }

  private static JsonObject refusal(ApiQuery query) {
    ApiProblem problem = assertThrows(ApiProblem.class, query::check);
    assertEquals(400, problem.status());
    return Json.createReader(new StringReader(problem.json())).readObject();
  }

  @Test
  void absentParametersReadAsTheirFallbacksAndPass() {
    ApiQuery query = query();
    assertEquals(1, query.page());
    assertEquals(10, query.perPage(10, 1000));
    assertEquals(7, query.whole("n", 7));
    assertNull(query.date("startDate"));
    assertNull(query.text("searchTerm"));
    assertEquals(List.of(), query.all("tags[]"));
    assertFalse(query.flag("excludeBots"));
    assertDoesNotThrow(query::check);
  }

  @Test
  void valuesAreReadAsShlinkReadsThem() {
    ApiQuery query =
        query(
            "page",
            " 3 ",
            "itemsPerPage",
            "25",
            "startDate",
            "2026-12-01",
            "tags",
            "a",
            "tags",
            "b",
            "excludeBots",
            "",
            "other",
            "FALSE",
            "searchTerm",
            "x");
    assertEquals(3, query.page());
    assertEquals(25, query.perPage(10, 1000));
    assertEquals(Instant.parse("2026-11-30T23:00:00Z"), query.date("startDate"));
    assertEquals(List.of("a", "b"), query.all("tags"));
    assertTrue(query.flag("excludeBots"), "a parameter there counts as true");
    assertFalse(query.flag("other"));
    assertEquals("x", query.text("searchTerm"));
    assertDoesNotThrow(query::check);
  }

  @Test
  void pagesBelowOneAndSizesOutOfRangeAreMended() {
    assertEquals(1, query("page", "0").page());
    assertEquals(1, query("page", "-4").page());
    assertEquals(1000, query("itemsPerPage", "0").perPage(10, 1000));
    assertEquals(1000, query("itemsPerPage", "-1").perPage(10, 1000));
    assertEquals(1000, query("itemsPerPage", "1001").perPage(10, 1000));
    assertEquals(1000, query("itemsPerPage", "1000").perPage(10, 1000));
    assertEquals(1, query("itemsPerPage", "1").perPage(10, 1000));
  }

  @Test
  void oneRefusalNamesEveryWrongParameter() {
    ApiQuery query = query("page", "two", "endDate", "yesterday", "tagsMode", "some");
    assertEquals(1, query.page(), "a wrong value reads as its fallback");
    assertNull(query.date("endDate"));
    query.refuse("tagsMode", "tagsMode is any or all.");
    JsonObject problem = refusal(query);
    assertEquals("https://shlink.io/api/error/invalid-data", problem.getString("type"));
    assertEquals(
        List.of("page", "endDate", "tagsMode"),
        problem.getJsonArray("invalidElements").getValuesAs(jakarta.json.JsonString::getString));
    JsonObject messages = problem.getJsonObject("messages");
    assertEquals("page must be a whole number.", messages.getString("page"));
    assertTrue(messages.getString("endDate").startsWith("endDate must be a date such as"));
  }
}
