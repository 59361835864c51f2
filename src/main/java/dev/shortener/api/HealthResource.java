package dev.shortener.api;

import static dev.shortener.api.ApiJson.JSON;

import dev.shortener.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Shlink's health check, {@code /rest/health} and {@code /rest/v3/health}, without a key: "pass"
 * while the database answers, else 503 "fail". Shlink's web client reads {@code version} as the
 * Shlink feature level to expect: this server reports the one whose API it speaks.
 */
@Path("")
@ApplicationScoped
public class HealthResource {

  /** The Shlink release whose REST API this server answers as. */
  static final String SHLINK_LEVEL = "4.0.0";

  private static final String HEALTH_JSON = "application/health+json";

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  /** {@code GET /rest/health}. */
  @GET
  @Path("health")
  public Response health() {
    boolean up;
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT 1").close();
      up = true;
    } catch (SQLException down) {
      up = false;
    }
    String body =
        JSON.createObjectBuilder()
            .add("status", up ? "pass" : "fail")
            .add("version", SHLINK_LEVEL)
            .add("links", JSON.createObjectBuilder())
            .build()
            .toString();
    return Response.status(up ? 200 : 503).type(HEALTH_JSON).entity(body).build();
  }

  /** {@code GET /rest/v3/health}, the same. */
  @GET
  @Path("{version: v[123]}/health")
  public Response versionedHealth() {
    return health();
  }

  /** {@code GET /rest/v3/mercure-info}: there is no real-time hub; Shlink's clients expect 501. */
  @GET
  @Path("{version: v[123]}/mercure-info")
  public Response mercure() {
    return ApiProblem.of(
            501,
            "mercure-not-configured",
            "Mercure integration not configured",
            "This server has no Mercure hub for real-time updates.")
        .build()
        .response();
  }
}
