package dev.shortener.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request and a response for unit tests, without a mocking framework or a server: the few methods
 * the code under test calls answer from plain maps, every other one fails loudly.
 */
public final class HttpFakes {

  private HttpFakes() {}

  /** What a fake request answers. */
  public static final class Request {
    public final Map<String, String> headers = new HashMap<>();
    public final Map<String, String> parameters = new HashMap<>();
    public final Map<String, String> cookies = new HashMap<>();
    public String remoteAddress = "192.0.2.10";
    public String scheme = "http";
    public String method = "GET";
    public String servletPath = "/";
    public String pathInfo;
    public String query;
    public String contextPath = "";

    public Request header(String name, String value) {
      headers.put(name.toLowerCase(), value);
      return this;
    }

    public Request cookie(String name, String value) {
      cookies.put(name, value);
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (n, v) ->
              header.append(header.length() == 0 ? "" : "; ").append(n).append('=').append(v));
      return header("Cookie", header.toString());
    }

    public Request parameter(String name, String value) {
      parameters.put(name, value);
      return this;
    }

    /** The fake as the servlet API type. */
    public HttpServletRequest servlet() {
      return (HttpServletRequest)
          Proxy.newProxyInstance(
              HttpFakes.class.getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "getHeader":
                    return headers.get(((String) args[0]).toLowerCase());
                  case "getHeaders":
                    String value = headers.get(((String) args[0]).toLowerCase());
                    return Collections.enumeration(
                        value == null ? List.<String>of() : List.of(value));
                  case "getParameter":
                    return parameters.get((String) args[0]);
                  case "getRemoteAddr":
                    return remoteAddress;
                  case "getScheme":
                    return scheme;
                  case "isSecure":
                    return scheme.equals("https");
                  case "getMethod":
                    return this.method;
                  case "getServletPath":
                    return servletPath;
                  case "getPathInfo":
                    return pathInfo;
                  case "getQueryString":
                    return query;
                  case "getContextPath":
                    return contextPath;
                  case "getCookies":
                    return cookies.isEmpty()
                        ? null
                        : cookies.entrySet().stream()
                            .map(c -> new Cookie(c.getKey(), c.getValue()))
                            .toArray(Cookie[]::new);
                  case "toString":
                    return "fake request";
                  default:
                    throw new UnsupportedOperationException(method.getName());
                }
              });
    }
  }

  /** A response that records its headers. */
  public static final class Response {
    public final List<String> setCookies = new ArrayList<>();
    public final Map<String, String> headers = new HashMap<>();

    public HttpServletResponse servlet() {
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              HttpFakes.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "addHeader":
                    if (((String) args[0]).equalsIgnoreCase("Set-Cookie")) {
                      setCookies.add((String) args[1]);
                    } else {
                      headers.put((String) args[0], (String) args[1]);
                    }
                    return null;
                  case "setHeader":
                    headers.put((String) args[0], (String) args[1]);
                    return null;
                  case "toString":
                    return "fake response";
                  default:
                    throw new UnsupportedOperationException(method.getName());
                }
              });
    }
  }
}
