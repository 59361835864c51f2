package dev.shortener.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * What Jakarta REST itself refuses, as problem details instead of an empty answer: an unknown path
 * (404 {@code not-found}, as Shlink answers it), a method the path does not take (405), a body that
 * is not JSON (415), any other client error.
 */
@Provider
public class WebFailureMapper implements ExceptionMapper<WebApplicationException> {

  @Override
  public Response toResponse(WebApplicationException failure) {
    // By status, not by class: CXF (TomEE) throws a plain WebApplicationException for each.
    int status = failure.getResponse().getStatus();
    if (status == 404) {
      return ApiProblem.of(404, "not-found", "Not found", "No such API path.").build().response();
    }
    if (status == 405) {
      Response answer =
          ApiProblem.of(
                  405, "method-not-allowed", "Method not allowed", "This path does not take it.")
              .build()
              .response();
      String allow = failure.getResponse().getHeaderString("Allow");
      return allow == null ? answer : Response.fromResponse(answer).header("Allow", allow).build();
    }
    if (status == 415) {
      return ApiProblem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "Send the body as application/json.")
          .build()
          .response();
    }
    if (status >= 500) {
      return RestFailureMapper.internal(failure);
    }
    return ApiProblem.of(status, "bad-request", "Bad request", "The request cannot be served.")
        .build()
        .response();
  }
}
