package dev.shortener.admin.boundary;

import dev.shortener.admin.control.AdminPages;
import dev.shortener.admin.control.AdminSessions;
import dev.shortener.admin.control.FormTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The token a protected form carries in its hidden {@code csrf} field: the login page's own on the
 * login page, the signed-in admin's session token everywhere else (see {@link FormTokens}). {@link
 * AdminForms} checks it.
 */
@Named
@RequestScoped
public class Csrf {

  @Inject AdminSessions sessions;
  @Inject FormTokens tokens;
  @Inject HttpServletRequest request;

  private String token;

  public String getToken() {
    if (token == null) {
      token =
          AdminPages.LOGIN.equals(request.getServletPath())
              ? tokens.loginToken(request, response())
              : sessions.of(request).map(AdminSessions.AdminSession::csrfToken).orElse("");
    }
    return token;
  }

  private static HttpServletResponse response() {
    return (HttpServletResponse)
        FacesContext.getCurrentInstance().getExternalContext().getResponse();
  }

  /** The field's name, for the views. */
  public String getField() {
    return FormTokens.FIELD;
  }
}
