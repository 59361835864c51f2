package dev.shortener.admin.boundary;

import dev.shortener.admin.control.AdminSessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Signs the admin out and ends the session, then goes home. */
@Named
@RequestScoped
public class Logout {

  @Inject AdminSessions sessions;

  /** The logout button's action. */
  public void submit() throws ServletException, IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    sessions.end(request, (HttpServletResponse) external.getResponse());
    request.logout();
    external.redirect(external.getRequestContextPath() + "/");
  }
}
