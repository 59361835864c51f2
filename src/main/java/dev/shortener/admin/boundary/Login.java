package dev.shortener.admin.boundary;

import dev.shortener.admin.control.AdminPages;
import dev.shortener.web.ClientAddress;
import dev.shortener.web.GuessThrottle;
import dev.shortener.web.RetryAfter;
import dev.shortener.web.TrustedProxy;
import jakarta.annotation.PostConstruct;
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
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Backs the login page: hands the typed credentials to Jakarta Security, unless {@link
 * GuessThrottle} says this client has to wait, and continues to the admin page asked for.
 */
@Named
@RequestScoped
public class Login {

  /** The request parameter, in the login URL and the form, naming the page to continue to. */
  static final String NEXT = "next";

  /** The admin's sign-in, as one scope of the guess throttle. */
  private static final String SCOPE = "admin";

  private static final Logger LOG = Logger.getLogger(Login.class.getName());

  @Inject SecurityContext security;

  @Inject GuessThrottle throttle;

  @Inject TrustedProxy proxy;

  @Inject HttpServletRequest request;

  private String username;
  private String password;
  private String next;

  @PostConstruct
  void readNext() {
    next = AdminPages.returnTo(request.getParameter(NEXT));
  }

  /** The form's action: continue to the page asked for, or to the stats, or say what failed. */
  public void submit() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    ClientAddress client = proxy.clientOf(request);
    Duration wait = throttle.reserve(SCOPE, client);
    if (!wait.isZero()) {
      RetryAfter.tooManyRequests(external, wait);
      error(faces, "Too many failed sign-ins. Try again in " + RetryAfter.inWords(wait) + ".");
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
        throttle.succeeded(SCOPE, client);
        external.redirect(external.getRequestContextPath() + next);
        break;
      default:
        LOG.info(() -> "Failed admin sign-in from " + client.text());
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

  /** The admin page to continue to after signing in, already checked. */
  public String getNext() {
    return next;
  }
}
