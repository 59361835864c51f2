package dev.shortener.links.boundary;

import static dev.shortener.api.ApiJson.JSON;

import dev.shortener.api.Caller;
import dev.shortener.api.Pagination;
import dev.shortener.apikeys.entity.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Shlink's visit endpoints, {@code /rest/v3/visits}: the overview counts every visit of every link
 * (orphan visits, to addresses that are no link, are not counted in this release). The lists of
 * single visits are empty until visits are kept one by one.
 */
@Path("{version: v[123]}/visits")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class VisitsResource {

  @Inject LinkService links;
  @Inject Caller caller;

  /** {@code GET /visits}: every link's visits, and the orphans'. */
  @GET
  public JsonObject overview() {
    caller.require(Scope.READ, "read visits");
    return JSON.createObjectBuilder()
        .add(
            "visits",
            JSON.createObjectBuilder()
                .add("nonOrphanVisits", summary(links.totalClicks()))
                .add("orphanVisits", summary(0)))
        .build();
  }

  /** {@code GET /visits/orphan}: none kept in this release. */
  @GET
  @Path("orphan")
  public JsonObject orphan() {
    caller.require(Scope.READ, "read visits");
    return noVisits();
  }

  /** {@code GET /visits/non-orphan}: none kept one by one in this release. */
  @GET
  @Path("non-orphan")
  public JsonObject nonOrphan() {
    caller.require(Scope.READ, "read visits");
    return noVisits();
  }

  /** A visits summary of {@code total}, every one a person's until bots are told apart. */
  static JsonObjectBuilder summary(long total) {
    return JSON.createObjectBuilder().add("total", total).add("nonBots", total).add("bots", 0);
  }

  /** Shlink's empty list of visits. */
  static JsonObject noVisits() {
    return JSON.createObjectBuilder()
        .add(
            "visits",
            JSON.createObjectBuilder()
                .add("data", JSON.createArrayBuilder())
                .add("pagination", Pagination.of(1, 1, 0, 0)))
        .build();
  }
}
