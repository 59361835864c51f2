package dev.shortener.api;

import dev.shortener.apikeys.entity.ApiKey;
import dev.shortener.apikeys.entity.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling the API: the key {@link ApiGate} recognised for this request. A resource asks
 * {@link #require} before it does anything, so each endpoint states its scope where it is.
 */
@ApplicationScoped
public class Caller {

  /** The request attribute {@link ApiGate} leaves the recognised {@link ApiKey} in. */
  public static final String KEY = Caller.class.getName() + ".key";

  @Inject HttpServletRequest request;

  /** Refuses with 403 unless the caller's key has {@code scope}; {@code doing} names the call. */
  public void require(Scope scope, String doing) {
    if (!(request.getAttribute(KEY) instanceof ApiKey key)) {
      // ApiGate lets no request without a key through to a resource that asks for one.
      throw new IllegalStateException("An API call without a key reached " + doing);
    }
    if (!key.scope().includes(scope)) {
      throw ApiProblem.of(
              403,
              "forbidden-operation",
              "Forbidden",
              "This API key ("
                  + key.scope().label()
                  + ") may not "
                  + doing
                  + "; that takes a key of scope "
                  + scope.label()
                  + ".")
          .build();
    }
  }
}
