package dev.shortener.api;

import static dev.shortener.api.ApiJson.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Collection;
import java.util.Map;

/**
 * A refusal of the API as RFC 7807 problem details, in Shlink's words: its {@code type} URIs,
 * titles and extra members ({@code invalidElements}, {@code customSlug}, {@code shortCode}, ...),
 * so that a client that reads Shlink's errors reads these. Thrown by resources, answered by {@link
 * ApiProblemMapper}; never with a stack trace.
 */
public class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Where Shlink's problem types live. */
  public static final String SHLINK_TYPES = "https://shlink.io/api/error/";

  /** The media type of every problem. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private final int status;
  private final transient JsonObject body;

  private ApiProblem(int status, JsonObject body) {
    super(body.getString("detail"), null, false, false);
    this.status = status;
    this.body = body;
  }

  /** A problem of Shlink's type {@code code} (e.g. {@code invalid-data}). */
  public static Builder of(int status, String code, String title, String detail) {
    return new Builder(status, SHLINK_TYPES + code, title, detail);
  }

  /** 400 {@code invalid-data}: the fields named, and a message for each. */
  public static ApiProblem invalid(Map<String, String> messages) {
    return invalid(messages.keySet(), messages);
  }

  /** 400 {@code invalid-data} naming {@code elements}, with the messages there are. */
  public static ApiProblem invalid(Collection<String> elements, Map<String, String> messages) {
    String detail =
        messages.isEmpty()
            ? "Provided data is not valid"
            : "Provided data is not valid: " + String.join(" ", messages.values());
    JsonObjectBuilder named = JSON.createObjectBuilder();
    messages.forEach(named::add);
    return of(400, "invalid-data", "Invalid data", detail)
        .with("invalidElements", JSON.createArrayBuilder(elements).build())
        .with("messages", named.build())
        .build();
  }

  /** 404 {@code short-url-not-found}. */
  public static ApiProblem shortUrlNotFound(String shortCode) {
    return of(
            404,
            "short-url-not-found",
            "Short URL not found",
            "No URL found with short code \"" + shortCode + "\"")
        .with("shortCode", shortCode)
        .build();
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The answer: this problem as {@code application/problem+json}. */
  public Response response() {
    return Response.status(status).type(MEDIA_TYPE).entity(json()).build();
  }

  /** The problem's JSON text. */
  public String json() {
    return body.toString();
  }

  /** Collects the members of a problem. */
  public static final class Builder {
    private final int status;
    private final JsonObjectBuilder body = JSON.createObjectBuilder();

    private Builder(int status, String type, String title, String detail) {
      this.status = status;
      body.add("type", type).add("title", title).add("detail", detail).add("status", status);
    }

    public Builder with(String name, String value) {
      body.add(name, value);
      return this;
    }

    public Builder with(String name, long value) {
      body.add(name, value);
      return this;
    }

    public Builder with(String name, jakarta.json.JsonValue value) {
      body.add(name, value);
      return this;
    }

    public ApiProblem build() {
      return new ApiProblem(status, body.build());
    }
  }
}
