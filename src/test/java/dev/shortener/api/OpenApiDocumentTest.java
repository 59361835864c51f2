package dev.shortener.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.links.boundary.DomainsResource;
import dev.shortener.links.boundary.ShortUrlsResource;
import dev.shortener.links.boundary.TagsResource;
import dev.shortener.visits.boundary.VisitsResource;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes exactly the API there is: every method and path of the resources,
 * and nothing they do not have.
 */
class OpenApiDocumentTest {

  private static final List<Class<?>> VERSIONED =
      List.of(
          ShortUrlsResource.class,
          TagsResource.class,
          VisitsResource.class,
          DomainsResource.class,
          HealthResource.class);

  /** "GET /short-urls/{shortCode}" for every resource method under /rest/v3. */
  private static Set<String> served() {
    Set<String> served = new TreeSet<>();
    for (Class<?> resource : VERSIONED) {
      String root = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb = verb(method);
        if (verb == null) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        String path = ("/" + root + (sub == null ? "" : "/" + sub.value())).replace("//", "/");
        if (!path.startsWith("/{version: v[123]}/")) {
          continue; // /rest/health, described as /rest/v3/health
        }
        served.add(verb + " " + path.substring("/{version: v[123]}".length()));
      }
    }
    return served;
  }

  private static String verb(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  @Test
  void theDocumentHasEveryPathAndMethodOfTheResourcesAndNoOther() {
    JsonObject document;
    try (JsonReader reader = Json.createReader(new StringReader(OpenApiResource.read()))) {
      document = reader.readObject();
    }
    assertEquals("3.0.3", document.getString("openapi"));
    Set<String> described = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.keySet()) {
      for (String key : paths.getJsonObject(path).keySet()) {
        if (Set.of("get", "post", "put", "patch", "delete").contains(key)) {
          described.add(key.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    assertEquals(served(), described);
  }
}
