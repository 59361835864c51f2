package dev.shortener.bench;

import dev.shortener.links.boundary.LinkService;
import dev.shortener.links.boundary.PublicOrigin;
import dev.shortener.links.boundary.ShortLink;
import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkForm;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code POST /bench/create} with a form field {@code url}: creates the link through {@link
 * LinkService} without the Faces page around it, so that bench/run.sh can tell what creation costs
 * in the database from what it costs to render the home page. Benchmark copy of the WAR only.
 */
@WebServlet(name = "bench-service-create", urlPatterns = "/bench/create")
public class ServiceCreateServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @EJB LinkService links;

  @Inject PublicOrigin origin;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      ShortLink link = links.create(LinkForm.of(request.getParameter("url")), origin.of(request));
      response.setStatus(HttpServletResponse.SC_CREATED);
      response.setContentType("text/plain");
      response.getWriter().write(link.getShortUrl());
    } catch (InvalidLinkException refused) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, refused.getMessage());
    }
  }
}
