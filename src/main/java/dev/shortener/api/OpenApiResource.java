package dev.shortener.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /rest/openapi.json}, without a key: the OpenAPI 3 document of the whole API. A static
 * document rather than MicroProfile OpenAPI, which only one of the two servers provides; {@code
 * OpenApiDocumentTest} keeps it true to the resources' paths and methods.
 */
@Path("openapi.json")
@ApplicationScoped
public class OpenApiResource {

  /** Where the document is, next to this class. */
  static final String DOCUMENT = "openapi.json";

  private final String document = read();

  @GET
  @Produces("application/json")
  public String document() {
    return document;
  }

  static String read() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("The WAR lacks its OpenAPI document", e);
    }
  }
}
