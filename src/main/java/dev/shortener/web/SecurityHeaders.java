package dev.shortener.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The browser security headers of every page, image, stylesheet and script this site serves,
 * identical on Payara and TomEE.
 *
 * <p>web.xml maps it to the Faces, QR-code and default servlets (and their forwards and error
 * dispatches) rather than to {@code /*}, so a redirect stays as lean as it was: a status and a
 * {@code Location}, no document to protect.
 *
 * <p>The policy allows nothing but this site's own files: no inline script or style anywhere (every
 * page works with its scripts and stylesheets served from the WAR), images also as {@code data:}
 * URLs because Bootstrap's stylesheet draws form controls with them, no framing by anyone
 * (clickjacking of the admin pages), forms that post only here, no plugins and no {@code <base>}.
 */
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** The Content-Security-Policy of every page. */
  public static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; manifest-src 'self'; form-action 'self';"
          + " frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

  /**
   * The policy of a page whose form is answered with a redirect to another site: a protected link's
   * password page. Chrome holds a form's redirect to {@code form-action} too, and the destination
   * cannot be named without telling it to whoever asks.
   */
  public static final String LEADING_AWAY_POLICY =
      POLICY.replace("form-action 'self';", "form-action 'self' http: https:;");

  /** The request attribute that asks for {@link #LEADING_AWAY_POLICY}. */
  public static final String LEADS_AWAY = SecurityHeaders.class.getName() + ".leadsAway";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(
        "Content-Security-Policy",
        request.getAttribute(LEADS_AWAY) == null ? POLICY : LEADING_AWAY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    // Links to other sites (the admin's list of originals) tell them nothing about this one.
    response.setHeader("Referrer-Policy", "same-origin");
    // For browsers older than frame-ancestors.
    response.setHeader("X-Frame-Options", "DENY");
    chain.doFilter(request, response);
  }
}
