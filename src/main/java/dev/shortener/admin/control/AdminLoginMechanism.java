package dev.shortener.admin.control;

import dev.shortener.admin.control.AdminSessions.AdminSession;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Form login for the admin pages with the Facelets page {@code /login}: a visitor who asks for an
 * admin page is redirected there, with the page asked for in the login URL, and once signed in goes
 * on to it and stays signed in through {@link AdminSessions}. The pages themselves are protected by
 * the security constraint in web.xml.
 *
 * <p>Written out rather than declared with {@code @CustomFormAuthenticationMechanismDefinition}
 * because of TomEE 9.0.0, whose built-in support for it goes wrong three ways: its
 * {@code @LoginToContinue} opens an HTTP session for every request of every visitor (TOMEE-4682),
 * it answers a sign-in that no admin page preceded with a redirect back to the login page, and a
 * sign-in through {@code SecurityContext.authenticate} is forgotten by the next request because it
 * bypasses the container's session registration ({@code @AutoApplySession}). Nothing here keeps
 * state for a visitor who has not signed in: the page to return to travels in the login URL,
 * checked by {@link AdminPages#returnTo}.
 */
@DeclareRoles(AdminIdentityStore.ADMIN_ROLE)
@ApplicationScoped
public class AdminLoginMechanism implements HttpAuthenticationMechanism {

  @Inject IdentityStoreHandler identityStores;

  @Inject AdminSessions sessions;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (credential != null) {
      return signIn(request, response, context, identityStores.validate(credential));
    }
    // Requests without the admin's cookie (every visitor, every redirect) end here at once.
    Optional<AdminSession> session = sessions.of(request);
    if (session.isPresent()) {
      return context.notifyContainerAboutLogin(session.get().caller(), session.get().groups());
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    String asked = AdminPages.pathOf(request);
    return context.redirect(
        request.getContextPath()
            + AdminPages.LOGIN
            + "?next="
            + URLEncoder.encode(asked, StandardCharsets.UTF_8));
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      CredentialValidationResult result) {
    if (result.getStatus() == CredentialValidationResult.Status.VALID) {
      sessions.start(
          request, response, result.getCallerPrincipal().getName(), result.getCallerGroups());
    }
    return context.notifyContainerAboutLogin(result);
  }
}
