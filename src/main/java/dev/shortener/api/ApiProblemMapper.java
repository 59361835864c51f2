package dev.shortener.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers an {@link ApiProblem} with its problem details. A mapper of its own exact type: TomEE
 * plume brings a mapper of every {@code Throwable} (MicroProfile OpenTracing's) that would
 * otherwise answer a bare 500.
 */
@Provider
public class ApiProblemMapper implements ExceptionMapper<ApiProblem> {

  @Override
  public Response toResponse(ApiProblem problem) {
    return problem.response();
  }
}
