package dev.shortener.links.boundary;

import dev.shortener.links.control.LinkStore;
import dev.shortener.links.control.ShortCodes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /robots.txt}: search engines may index the home page and the links the admin marked
 * crawlable, and no other short link (whose redirects say {@code X-Robots-Tag: noindex} as well).
 * Built from the database at most once a minute.
 */
@WebServlet(name = "robots", urlPatterns = "/robots.txt")
public class RobotsServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final long FRESH_FOR_MS = 60_000;

  @Inject transient LinkStore store;
  @Inject transient ShortCodes codes;

  private transient volatile byte[] body;
  private transient volatile long builtAt;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long now = System.currentTimeMillis();
    byte[] current = body;
    if (current == null || now - builtAt > FRESH_FOR_MS) {
      current = build(request.getContextPath());
      body = current;
      builtAt = now;
    }
    response.setContentType("text/plain;charset=UTF-8");
    response.setHeader("Cache-Control", "public, max-age=60");
    response.setContentLength(current.length);
    response.getOutputStream().write(current);
  }

  private byte[] build(String context) {
    StringBuilder robots = new StringBuilder("User-agent: *\n");
    robots.append("Allow: ").append(context).append("/$\n");
    List<LinkStore.Crawlable> crawlable = store.crawlable();
    for (LinkStore.Crawlable link : crawlable) {
      robots
          .append("Allow: ")
          .append(context)
          .append('/')
          .append(link.alias() != null ? link.alias() : codes.encode(link.id()))
          .append("$\n");
    }
    robots.append("Disallow: /\n");
    return robots.toString().getBytes(StandardCharsets.UTF_8);
  }
}
