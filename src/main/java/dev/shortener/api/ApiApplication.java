package dev.shortener.api;

import dev.shortener.links.boundary.DomainsResource;
import dev.shortener.links.boundary.ShortUrlsResource;
import dev.shortener.links.boundary.TagsResource;
import dev.shortener.visits.boundary.VisitsResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The REST API under {@code /rest}: Shlink's paths ({@code /rest/v3/short-urls}, ...), so that
 * Shlink's clients work against this server unchanged. {@link ApiGate} stands in front of all of
 * it.
 *
 * <p>Every resource and provider is listed here rather than found by scanning: TomEE's CXF found
 * the resources, yet the mappers must be named and typed exactly there (see {@link
 * ApiProblemMapper}).
 */
@ApplicationPath("rest")
public class ApiApplication extends Application {

  @Override
  public Set<Class<?>> getClasses() {
    return Set.of(
        ShortUrlsResource.class,
        TagsResource.class,
        VisitsResource.class,
        DomainsResource.class,
        HealthResource.class,
        OpenApiResource.class,
        JsonAnswers.class,
        ApiProblemMapper.class,
        WebFailureMapper.class,
        RestFailureMapper.class);
  }

  /**
   * Jersey (Payara) would answer an error status through the container's error page, an HTML page,
   * unless told to set the status; CXF (TomEE) ignores the property and always sets it.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.response.setStatusOverSendError", true);
  }
}
