package dev.shortener.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

  private static JsonBody body(String json) {
    return JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static int refusedWith(byte[] bytes) {
    return assertThrows(ApiProblem.class, () -> JsonBody.read(new ByteArrayInputStream(bytes)))
        .status();
  }

  @Test
  void fieldsAreReadWithTheirTypesAndNullIsToldFromAbsent() {
    JsonBody body =
        body(
            "{\"s\":\"text\",\"n\":12345678901,\"t\":true,\"f\":false,\"l\":[\"a\",\"b\"],\"z\":null}");
    assertEquals("text", body.text("s"));
    assertEquals("12345678901", body.whole("n"));
    assertEquals(Boolean.TRUE, body.bool("t"));
    assertEquals(Boolean.FALSE, body.bool("f"));
    assertEquals(List.of("a", "b"), body.texts("l"));
    assertTrue(body.isNull("z"));
    assertNull(body.text("z"));
    assertFalse(body.has("absent"));
    assertFalse(body.isNull("absent"));
    assertNull(body.text("absent"));
    assertTrue(body.wrong().isEmpty());
  }

  @Test
  void everyFieldOfTheWrongTypeIsNoted() {
    JsonBody body = body("{\"s\":1,\"n\":1.5,\"t\":\"yes\",\"l\":[\"a\",2],\"m\":\"x\"}");
    assertNull(body.text("s"));
    assertNull(body.whole("n"));
    assertNull(body.bool("t"));
    assertNull(body.texts("l"));
    assertNull(body.texts("m"));
    assertEquals(List.of("s", "n", "t", "l", "m"), List.copyOf(body.wrong().keySet()));
    assertEquals("n must be a whole number.", body.wrong().get("n"));
  }

  @Test
  void aBodyThatIsNoJsonObjectIsMalformedAndAHugeOneTooLarge() {
    assertEquals(400, refusedWith("{\"a\":".getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, refusedWith("[1]".getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, refusedWith("".getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, refusedWith(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}));
    byte[] big =
        ("{\"a\":\"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
    assertEquals(413, refusedWith(big));
    assertEquals(
        "https://shlink.io/api/error/malformed-request-body",
        assertThrows(ApiProblem.class, () -> body("nope"))
            .json()
            .replaceAll(".*\"type\":\"([^\"]+)\".*", "$1"));
  }
}
