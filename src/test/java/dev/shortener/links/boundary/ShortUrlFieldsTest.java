package dev.shortener.links.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.api.ApiProblem;
import dev.shortener.api.JsonBody;
import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkForm;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShortUrlFieldsTest {

  private static final URI ORIGIN = URI.create("https://s.example:8443");

  private static JsonBody body(String json) {
    return JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void shlinksNamesBecomeTheServicesFields() {
    JsonBody body =
        body(
            "{\"longUrl\":\"https://example.com/\",\"customSlug\":\"sale\",\"title\":\"T\","
                + "\"tags\":[\"a\"],\"validSince\":\"2026-01-01\",\"validUntil\":\"2027-01-01\","
                + "\"maxVisits\":5,\"crawlable\":true,\"password\":\"pw\",\"redirectType\":307,"
                + "\"fallbackUrl\":\"https://example.com/f\",\"disabled\":true,"
                + "\"domain\":\"s.example:8443\",\"shortCodeLength\":8}");
    LinkForm form = ShortUrlFields.read(body, true, ORIGIN);
    assertEquals("https://example.com/", form.getUrl());
    assertEquals("sale", form.getAlias());
    assertEquals("T", form.getTitle());
    assertEquals(List.of("a"), form.getTags());
    assertEquals("2026-01-01", form.getValidFrom());
    assertEquals("2027-01-01", form.getValidUntil());
    assertEquals("5", form.getMaxVisits());
    assertEquals(Boolean.TRUE, form.getCrawlable());
    assertEquals("pw", form.getPassword());
    assertEquals("307", form.getRedirectType());
    assertEquals("https://example.com/f", form.getFallbackUrl());
    assertEquals(Boolean.TRUE, form.getDisabled());
    assertEquals(Boolean.TRUE, form.getForwardQuery(), "Shlink's default for a new link");
    assertTrue(body.wrong().isEmpty(), body.wrong().toString());
  }

  @Test
  void leftOutStaysAndNullClearsWhenEditing() {
    LinkForm edit =
        ShortUrlFields.read(
            body(
                "{\"title\":null,\"maxVisits\":null,\"validUntil\":null,\"password\":null,\"tags\":null}"),
            false,
            ORIGIN);
    assertNull(edit.getUrl(), "left out");
    assertNull(edit.getForwardQuery(), "left out, not defaulted, when editing");
    assertEquals("", edit.getTitle());
    assertEquals("", edit.getMaxVisits());
    assertEquals("", edit.getValidUntil());
    assertTrue(edit.isRemovePassword());
    assertEquals(List.of(), edit.getTags());
    assertNull(edit.getAlias());
    assertFalse(ShortUrlFields.read(body("{}"), false, ORIGIN).isRemovePassword());
  }

  @Test
  void whatThisServerDoesNotServeIsNotedWithTheMissingUrl() {
    JsonBody body = body("{\"domain\":\"other.example\",\"pathPrefix\":\"p\",\"maxVisits\":\"x\"}");
    ShortUrlFields.read(body, true, ORIGIN);
    assertEquals(
        List.of("longUrl", "maxVisits", "domain", "pathPrefix"),
        List.copyOf(body.wrong().keySet()));
    JsonBody nullUrl = body("{\"longUrl\":null}");
    ShortUrlFields.read(nullUrl, false, ORIGIN);
    assertTrue(nullUrl.wrong().containsKey("longUrl"), "a link cannot lose its URL");
  }

  @Test
  void refusalsAreShlinksProblemsUnderShlinksNames() {
    ApiProblem invalid =
        ShortUrlFields.refusal(
            new InvalidLinkException(Map.of("url", "Bad URL.", "validFrom", "Bad date.")));
    assertEquals(400, invalid.status());
    assertTrue(invalid.json().contains("https://shlink.io/api/error/invalid-data"));
    assertTrue(invalid.json().contains("\"longUrl\""), invalid.json());
    assertTrue(invalid.json().contains("\"validSince\":\"Bad date.\""), invalid.json());
    ApiProblem taken = ShortUrlFields.refusal(new InvalidLinkException.AliasTaken("sale"));
    assertTrue(taken.json().contains("https://shlink.io/api/error/non-unique-slug"));
    assertTrue(taken.json().contains("\"customSlug\":\"sale\""));
  }

  @Test
  void aWrongTypeIsAnsweredTogetherWithTheServicesOwnRefusals() {
    JsonBody body = body("{\"longUrl\":\"nope\",\"maxVisits\":\"x\"}");
    ShortUrlFields.read(body, true, ORIGIN);
    ApiProblem both =
        assertThrows(
            ApiProblem.class,
            () ->
                ShortUrlFields.check(
                    body,
                    () -> {
                      throw InvalidLinkException.of("url", "Not a URL.");
                    }));
    assertTrue(
        both.json().contains("\"invalidElements\":[\"maxVisits\",\"longUrl\"]"), both.json());
    JsonBody fine = body("{\"longUrl\":\"https://example.com/\"}");
    ShortUrlFields.read(fine, true, ORIGIN);
    ShortUrlFields.check(
        fine,
        () -> {
          throw new AssertionError("the service's check runs only when something was wrong");
        });
  }
}
