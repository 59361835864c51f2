package dev.shortener.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * Backs the one error view that web.xml sends every 400, 404, 405 and 500 (and any uncaught
 * exception) to: a title and a sentence a person understands, never a stack trace.
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
          405, new String[] {"Method not allowed", "This page cannot be used that way."});

  private static final String[] SERVER_ERROR = {
    "Something went wrong", "The shortener could not answer. Please try again in a moment."
  };

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
