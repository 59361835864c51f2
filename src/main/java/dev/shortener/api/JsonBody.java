package dev.shortener.api;

import static dev.shortener.api.ApiJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's JSON object, read with a size limit and strict UTF-8, and read field by field with
 * the types the API expects. A field of the wrong type is collected (with a message), not thrown,
 * so that one answer names every wrong field ({@link #wrong}, for {@link ApiProblem#invalid}). A
 * body that is not a JSON object is {@code malformed-request-body}.
 */
public final class JsonBody {

  /** The largest body the API reads; a link with every field is far below it. */
  public static final int MAX_BYTES = 64 * 1024;

  private final JsonObject object;
  private final Map<String, String> wrong = new LinkedHashMap<>();

  private JsonBody(JsonObject object) {
    this.object = object;
  }

  /** The body of {@code in}, which must be one JSON object. */
  public static JsonBody read(InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw malformed();
    }
    if (bytes.length > MAX_BYTES) {
      throw tooLarge();
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException notUtf8) {
      throw malformed();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw malformed();
      }
      return new JsonBody(value.asJsonObject());
    } catch (JsonException | IllegalStateException garbage) {
      throw malformed();
    }
  }

  /** 413 for a body above {@link #MAX_BYTES}. */
  public static ApiProblem tooLarge() {
    return ApiProblem.of(
            413,
            "payload-too-large",
            "Payload too large",
            "The body is larger than " + MAX_BYTES / 1024 + " KiB.")
        .build();
  }

  private static ApiProblem malformed() {
    return ApiProblem.of(
            400,
            "malformed-request-body",
            "Malformed request body",
            "Provided request does not contain a valid JSON body.")
        .build();
  }

  /** Whether the body has the field at all (null included). */
  public boolean has(String name) {
    return object.containsKey(name);
  }

  /** Whether the field is there and JSON null. */
  public boolean isNull(String name) {
    return has(name) && object.get(name).getValueType() == JsonValue.ValueType.NULL;
  }

  /** A text field; null when absent or null. */
  public String text(String name) {
    JsonValue value = present(name);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonString string) {
      return string.getString();
    }
    wrong.put(name, name + " must be a string.");
    return null;
  }

  /** A whole-number field, as text for the service; null when absent or null. */
  public String whole(String name) {
    JsonValue value = present(name);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      return number.bigIntegerValue().toString();
    }
    wrong.put(name, name + " must be a whole number.");
    return null;
  }

  /** A true/false field; null when absent or null. */
  public Boolean bool(String name) {
    JsonValue value = present(name);
    if (value == null) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    wrong.put(name, name + " must be true or false.");
    return null;
  }

  /** A list of strings; null when absent or null. */
  public List<String> texts(String name) {
    JsonValue value = present(name);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonArray array) {
      List<String> texts = new ArrayList<>();
      for (JsonValue item : array) {
        if (!(item instanceof JsonString string)) {
          wrong.put(name, name + " must be a list of strings.");
          return null;
        }
        texts.add(string.getString());
      }
      return texts;
    }
    wrong.put(name, name + " must be a list of strings.");
    return null;
  }

  private JsonValue present(String name) {
    JsonValue value = object.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
  }

  /** Notes a field that is wrong for a reason of the caller's. */
  public void refuse(String name, String message) {
    wrong.put(name, message);
  }

  /** The fields of the wrong type so far, with their messages. */
  public Map<String, String> wrong() {
    return wrong;
  }
}
