package dev.shortener.admin.boundary;

import dev.shortener.admin.control.AdminPages;
import dev.shortener.admin.control.AdminSessions;
import dev.shortener.admin.control.AdminSessions.AdminSession;
import dev.shortener.admin.control.FormTokens;
import dev.shortener.web.ErrorPage;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Refuses forged posts before anything acts on them: a sign-in, and every post of the signed-in
 * admin (sign-out, every admin action), must carry the form's {@link FormTokens token} and must not
 * come from another site. web.xml maps it to the Faces servlet, behind {@code FormPosts}.
 *
 * <p>{@code Sec-Fetch-Site}, which browsers send with every request, catches a foreign page's post
 * even before the token does; a client that sends no such header still needs the token. The public
 * home form needs neither: anyone may use it, and a token would cost every visitor a cookie.
 */
public class AdminForms extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject transient AdminSessions sessions;
  @Inject transient FormTokens tokens;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("POST".equals(request.getMethod()) && !allowed(request)) {
      ErrorPage.render(
          request,
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "This form has expired or was sent from another site. Reload the page and try again.");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean allowed(HttpServletRequest request) {
    boolean login = AdminPages.LOGIN.equals(request.getServletPath());
    Optional<AdminSession> session = sessions.of(request);
    if (!login && session.isEmpty()) {
      return true;
    }
    String site = request.getHeader("Sec-Fetch-Site");
    if ("cross-site".equals(site) || "same-site".equals(site)) {
      return false;
    }
    return login ? tokens.validLogin(request) : tokens.validFor(session.get(), request);
  }
}
