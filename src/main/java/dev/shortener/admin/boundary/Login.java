package dev.shortener.admin.boundary;

import dev.shortener.admin.control.LoginThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Backs the login page: hands the typed credentials to Jakarta Security, unless {@link
 * LoginThrottle} says this address has guessed too often.
 */
@Named
@RequestScoped
public class Login {

  @Inject SecurityContext security;

  @Inject LoginThrottle throttle;

  private String username;
  private String password;

  /** The form's action: continue to the page asked for, or to the stats, or say what failed. */
  public void submit() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    String address = request.getRemoteAddr();
    if (!throttle.allows(address)) {
      error(faces, "Too many failed sign-ins. Wait five minutes, then try again.");
      return;
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(
                    new UsernamePasswordCredential(
                        username == null ? "" : username,
                        new Password(password == null ? "" : password))));
    switch (status) {
      case SEND_CONTINUE:
        faces.responseComplete();
        break;
      case SUCCESS:
        external.redirect(external.getRequestContextPath() + "/stats");
        break;
      default:
        throttle.failed(address);
        error(faces, "Wrong user name or password.");
    }
  }

  private static void error(FacesContext faces, String message) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
