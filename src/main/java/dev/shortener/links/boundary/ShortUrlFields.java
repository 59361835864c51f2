package dev.shortener.links.boundary;

import dev.shortener.api.ApiProblem;
import dev.shortener.api.JsonBody;
import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkForm;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shlink's fields of a short URL, as a program posts or patches them, in the service's terms: a
 * {@link LinkForm} for {@link LinkService}, and the service's refusals back under Shlink's names
 * ({@code url} is {@code longUrl}, {@code alias} is {@code customSlug}, {@code validFrom} is {@code
 * validSince}). A field left out is left as it is; JSON null clears it (Shlink's rule for a PATCH).
 */
final class ShortUrlFields {

  /** The service's field names that Shlink names otherwise. */
  private static final Map<String, String> SHLINK_NAMES =
      Map.of("url", "longUrl", "alias", "customSlug", "validFrom", "validSince");

  private ShortUrlFields() {}

  /**
   * The form {@code body} asks for; wrong types and fields this server does not serve are noted in
   * the body's {@link JsonBody#wrong}.
   *
   * @param creating whether a link is made (then {@code longUrl} is required, and query forwarding
   *     is on unless the body says otherwise, as Shlink's default is)
   */
  static LinkForm read(JsonBody body, boolean creating, URI origin) {
    LinkForm form = new LinkForm();
    if (body.isNull("longUrl") || (creating && !body.has("longUrl"))) {
      body.refuse("longUrl", "longUrl is required.");
    }
    form.setUrl(body.text("longUrl"));
    form.setAlias(cleared(body, "customSlug"));
    form.setTitle(cleared(body, "title"));
    List<String> tags = body.texts("tags");
    form.setTags(body.isNull("tags") ? List.of() : tags);
    form.setValidFrom(cleared(body, "validSince"));
    form.setValidUntil(cleared(body, "validUntil"));
    form.setMaxVisits(body.isNull("maxVisits") ? "" : body.whole("maxVisits"));
    form.setFallbackUrl(cleared(body, "fallbackUrl"));
    String password = body.text("password");
    if (body.isNull("password") || (password != null && password.isEmpty())) {
      form.setRemovePassword(true);
    } else {
      form.setPassword(password);
    }
    form.setRedirectType(body.whole("redirectType"));
    Boolean forwardQuery = body.bool("forwardQuery");
    form.setForwardQuery(forwardQuery == null && creating ? Boolean.TRUE : forwardQuery);
    form.setCrawlable(body.bool("crawlable"));
    form.setDisabled(body.bool("disabled"));
    body.whole("shortCodeLength");
    String domain = body.text("domain");
    if (domain != null
        && !domain.isBlank()
        && !domain.equalsIgnoreCase(origin.getAuthority())
        && !domain.equalsIgnoreCase(origin.getHost())) {
      body.refuse(
          "domain", "This server has one domain, " + origin.getAuthority() + "; leave it out.");
    }
    String prefix = body.text("pathPrefix");
    if (prefix != null && !prefix.isBlank()) {
      body.refuse("pathPrefix", "pathPrefix is not supported; give the whole customSlug instead.");
    }
    return form;
  }

  /** The text of field {@code name}; "" (which clears it) for JSON null. */
  private static String cleared(JsonBody body, String name) {
    return body.isNull(name) ? "" : body.text(name);
  }

  /**
   * Refuses the body if any field had the wrong type, as {@code invalid-data} together with every
   * other refusal of the service's rules, so that one answer names all that is wrong.
   */
  static void check(JsonBody body, Checker service) {
    if (body.wrong().isEmpty()) {
      return;
    }
    Map<String, String> all = new LinkedHashMap<>(body.wrong());
    try {
      service.check();
    } catch (InvalidLinkException refused) {
      shlinkNames(refused).forEach(all::putIfAbsent);
    }
    throw ApiProblem.invalid(all);
  }

  /** The service's check of the form as read. */
  @FunctionalInterface
  interface Checker {
    void check() throws InvalidLinkException;
  }

  private static Map<String, String> shlinkNames(InvalidLinkException refused) {
    Map<String, String> messages = new LinkedHashMap<>();
    refused
        .fields()
        .forEach(
            (field, message) -> messages.put(SHLINK_NAMES.getOrDefault(field, field), message));
    return messages;
  }

  /**
   * The service's refusal as {@code invalid-data}, or {@code non-unique-slug} for a taken alias.
   */
  static ApiProblem refusal(InvalidLinkException refused) {
    if (refused instanceof InvalidLinkException.AliasTaken taken) {
      String alias = taken.alias();
      return ApiProblem.of(
              400,
              "non-unique-slug",
              "Invalid custom slug",
              "Provided slug \"" + alias + "\" is already in use.")
          .with("customSlug", alias)
          .build();
    }
    return ApiProblem.invalid(shlinkNames(refused));
  }
}
