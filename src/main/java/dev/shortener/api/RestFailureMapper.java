package dev.shortener.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected in the API: 500 as problem details, the stack trace in the log only. For
 * {@code RuntimeException} rather than {@code Throwable}, which TomEE plume's own mapper claims.
 */
@Provider
public class RestFailureMapper implements ExceptionMapper<RuntimeException> {

  private static final Logger LOG = Logger.getLogger(RestFailureMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException failure) {
    return internal(failure);
  }

  static Response internal(Throwable failure) {
    LOG.log(Level.WARNING, "The API failed on a request", failure);
    return ApiProblem.of(
            500,
            "internal-server-error",
            "Internal server error",
            "Something went wrong on the server; it was logged.")
        .build()
        .response();
  }
}
