package dev.shortener.links.boundary;

import dev.shortener.links.control.QrCodeSvg;
import dev.shortener.links.control.RedirectCache;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /qr/<code>.svg}: the QR code of a short link, drawn by the app so that no outside
 * image service ever sees the links. Only codes of existing links get one; anything else is a 404.
 *
 * <p>A path-prefix mapping, so it wins over {@link RedirectServlet} on {@code /} for everything
 * below {@code /qr/}. {@code /qr/*} also matches the bare path {@code /qr}, which with a short
 * minimum code length could be a short link, so that one is handed to the redirect servlet.
 */
@WebServlet(name = "qr", urlPatterns = "/qr/*")
public class QrCodeServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Pattern SVG_PATH = Pattern.compile("/([0-9A-Za-z_-]{1,64})\\.svg");

  /**
   * A code never changes its link, so browsers may keep the image; a month rather than forever
   * because the drawn origin follows {@code SHORTENER_BASE_URL}, which an operator may change.
   */
  private static final String CACHE_CONTROL = "public, max-age=2592000";

  /**
   * Without {@code SHORTENER_BASE_URL} the image draws the request's {@code Host}, which a client
   * chooses: a shared cache in front must not hand one client's forged host to everyone.
   */
  private static final String CACHE_CONTROL_PER_HOST = "private, max-age=2592000";

  @Inject transient RedirectCache locations;
  @Inject transient PublicOrigin origin;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String path = request.getPathInfo();
    if (path == null) {
      getServletContext().getNamedDispatcher("redirect").forward(request, response);
      return;
    }
    Matcher svg = SVG_PATH.matcher(path);
    if (!svg.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    String code = svg.group(1);
    if (locations.find(code).filter(redirect -> !redirect.blocked()).isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    byte[] image =
        QrCodeSvg.of(PublicOrigin.linkTo(origin.of(request), code))
            .getBytes(StandardCharsets.UTF_8);
    response.setContentType("image/svg+xml");
    if (origin.isConfigured()) {
      response.setHeader("Cache-Control", CACHE_CONTROL);
    } else {
      response.setHeader("Cache-Control", CACHE_CONTROL_PER_HOST);
      response.setHeader("Vary", "Host");
    }
    response.setContentLength(image.length);
    response.getOutputStream().write(image);
  }
}
