package dev.shortener.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Backs the one error view that web.xml sends every error status (and any uncaught exception) to,
 * and that servlets and filters render directly with {@link #render}: a title and a sentence a
 * person understands, never a stack trace.
 */
@Named
@RequestScoped
public class ErrorPage {

  /** The error view. */
  public static final String VIEW = "/error.xhtml";

  /** Request attribute a servlet sets to replace the generic sentence, e.g. "URL not found". */
  public static final String MESSAGE = "dev.shortener.errorMessage";

  private static final Map<Integer, String[]> TEXTS =
      Map.of(
          400, new String[] {"Bad request", "The request could not be understood."},
          403, new String[] {"Forbidden", "You are not allowed to see this page."},
          404, new String[] {"Page not found", "There is nothing at this address."},
          405, new String[] {"Method not allowed", "This page cannot be used that way."},
          410, new String[] {"Link not available", "This link no longer leads anywhere."},
          411, new String[] {"Length required", "The request did not say how long it is."},
          413, new String[] {"Too large", "The request was larger than this page accepts."},
          429, new String[] {"Too many requests", "Please wait a moment, then try again."},
          501, new String[] {"Method not allowed", "This page cannot be used that way."});

  private static final String[] SERVER_ERROR = {
    "Something went wrong", "The shortener could not answer. Please try again in a moment."
  };

  /**
   * Answers {@code status} with the error view and {@code message} (or the status's own sentence
   * when null), without an error dispatch. The view sees a plain GET without parameters: a refused
   * form post must not be parsed again, nor taken by Faces for a postback.
   */
  public static void render(
      HttpServletRequest request, HttpServletResponse response, int status, String message)
      throws ServletException, IOException {
    if (message != null) {
      request.setAttribute(MESSAGE, message);
    }
    response.setStatus(status);
    // A 404 or 410 is cacheable by default, but the admin may create, enable or reopen the link.
    response.setHeader("Cache-Control", "no-store");
    request.getRequestDispatcher(VIEW).forward(new PlainGet(request), response);
  }

  /**
   * {@code request} as the error view must see it during an error dispatch: a plain GET without
   * parameters, so that a request the server refused for its body (Payara answers one above its
   * size limit itself) still gets the site's page instead of failing again on that body.
   */
  public static HttpServletRequest plain(HttpServletRequest request) {
    return new PlainGet(request);
  }

  /** The HTTP status being shown: the error dispatch's, else the one a forwarding servlet set. */
  public int getStatus() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    Object status = external.getRequestMap().get(RequestDispatcher.ERROR_STATUS_CODE);
    if (status instanceof Integer) {
      return (Integer) status;
    }
    int set = ((HttpServletResponse) external.getResponse()).getStatus();
    return set >= 400 ? set : 500;
  }

  public String getTitle() {
    return TEXTS.getOrDefault(getStatus(), SERVER_ERROR)[0];
  }

  public String getMessage() {
    Object specific =
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(MESSAGE);
    return specific != null
        ? specific.toString()
        : TEXTS.getOrDefault(getStatus(), SERVER_ERROR)[1];
  }
}
