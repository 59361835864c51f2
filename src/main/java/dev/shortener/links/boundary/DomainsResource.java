package dev.shortener.links.boundary;

import static dev.shortener.api.ApiJson.JSON;

import dev.shortener.api.Caller;
import dev.shortener.apikeys.entity.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Shlink's {@code GET /rest/v3/domains}: this server's one domain, the authority of its public
 * origin ({@code SHORTENER_BASE_URL}, else the request's), without redirects of its own.
 */
@Path("{version: v[123]}/domains")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DomainsResource {

  @Inject Caller caller;
  @Inject PublicOrigin publicOrigin;
  @Inject HttpServletRequest request;

  @GET
  public JsonObject list() {
    caller.require(Scope.READ, "list domains");
    return JSON.createObjectBuilder()
        .add(
            "domains",
            JSON.createObjectBuilder()
                .add(
                    "data",
                    JSON.createArrayBuilder()
                        .add(
                            JSON.createObjectBuilder()
                                .add("domain", publicOrigin.of(request).getAuthority())
                                .add("isDefault", true)
                                .add("redirects", noRedirects())))
                .add("defaultRedirects", noRedirects()))
        .build();
  }

  private static JsonObjectBuilder noRedirects() {
    return JSON.createObjectBuilder()
        .addNull("baseUrlRedirect")
        .addNull("regular404Redirect")
        .addNull("invalidShortUrlRedirect");
  }
}
