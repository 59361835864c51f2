package dev.shortener.admin.control;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Form login for the admin pages with the Facelets page {@code /login}: a visitor who asks for an
 * admin page is redirected there and, once signed in, goes on to the page they asked for and stays
 * signed in for the rest of the HTTP session. The pages themselves are protected by the security
 * constraint in web.xml.
 *
 * <p>Written out rather than declared with {@code @CustomFormAuthenticationMechanismDefinition}
 * because of TomEE 9.0.0, whose built-in support for it goes wrong three ways: its
 * {@code @LoginToContinue} opens an HTTP session for every request of every visitor (TOMEE-4682),
 * it answers a sign-in that no admin page preceded with a redirect back to the login page, and a
 * sign-in through {@code SecurityContext.authenticate} is forgotten by the next request because it
 * bypasses the container's session registration ({@code @AutoApplySession}). This mechanism keeps
 * its own two session attributes and behaves the same on Payara and TomEE: only a visitor who asks
 * for an admin page or signs in ever gets a session.
 */
@DeclareRoles(AdminIdentityStore.ADMIN_ROLE)
@ApplicationScoped
public class AdminLoginMechanism implements HttpAuthenticationMechanism {

  /** The login view; web.xml maps it to the Faces servlet. */
  public static final String LOGIN_PAGE = "/login";

  private static final String CALLER = AdminLoginMechanism.class.getName() + ".caller";
  private static final String GROUPS = AdminLoginMechanism.class.getName() + ".groups";
  private static final String REQUESTED_PAGE =
      AdminLoginMechanism.class.getName() + ".requestedPage";

  @Inject IdentityStoreHandler identityStores;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signIn(request, context, identityStores.validate(credential));
    }
    if (!context.isProtected()) {
      // Public pages and assets need no caller. On TomEE every notifyContainerAboutLogin also
      // gives the session a new id; a page's parallel stylesheet and script requests would each
      // rotate it and the browser could keep a stale one, signing the admin out at random.
      return context.doNothing();
    }
    HttpSession session = request.getSession(false);
    String caller = session == null ? null : (String) session.getAttribute(CALLER);
    if (caller != null) {
      @SuppressWarnings("unchecked")
      Set<String> groups = (Set<String>) session.getAttribute(GROUPS);
      return context.notifyContainerAboutLogin(caller, groups);
    }
    String query = request.getQueryString();
    request
        .getSession()
        .setAttribute(REQUESTED_PAGE, request.getRequestURI() + (query == null ? "" : "?" + query));
    return context.redirect(request.getContextPath() + LOGIN_PAGE);
  }

  private static AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, CredentialValidationResult result) {
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      HttpSession session = request.getSession();
      if (!session.isNew()) {
        request.changeSessionId(); // a session id seen before signing in must not carry the sign-in
      }
      session.setAttribute(CALLER, result.getCallerPrincipal().getName());
      session.setAttribute(GROUPS, new HashSet<>(result.getCallerGroups()));
    }
    return context.notifyContainerAboutLogin(result);
  }

  /** The admin page asked for before signing in, forgotten once taken; empty if none was. */
  public static Optional<String> takeRequestedPage(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return Optional.empty();
    }
    Object page = session.getAttribute(REQUESTED_PAGE);
    session.removeAttribute(REQUESTED_PAGE);
    return Optional.ofNullable((String) page);
  }
}
