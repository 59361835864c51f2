package dev.shortener.links.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Backs the page a password-protected link answers with: a form that posts the password to the
 * short link itself ({@link RedirectServlet#doPost}), and what the last try came to.
 */
@Named
@RequestScoped
public class PasswordPage {

  @Inject HttpServletRequest request;

  /** Where the form posts: the short link, with the query it was asked with. */
  public String getAction() {
    String query = request.getQueryString();
    return request.getContextPath()
        + "/"
        + request.getAttribute(RedirectServlet.KEY)
        + (query == null ? "" : "?" + query);
  }

  /** "Wrong password.", or null before a try. */
  public String getMessage() {
    return (String) request.getAttribute(RedirectServlet.PASSWORD_MESSAGE);
  }
}
