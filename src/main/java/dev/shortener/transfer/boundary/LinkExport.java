package dev.shortener.transfer.boundary;

import dev.shortener.api.ApiJson;
import dev.shortener.links.boundary.LinkService;
import dev.shortener.links.boundary.PublicOrigin;
import dev.shortener.links.control.ClickFlusher;
import dev.shortener.links.control.ShortCodes;
import dev.shortener.transfer.control.ExportedLink;
import dev.shortener.transfer.control.LinkCsv;
import dev.shortener.transfer.control.LinkDump;
import dev.shortener.transfer.control.LinkJson;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code GET /admin/links.csv} and {@code GET /admin/links.json}: every link with every field, its
 * clicks and tags (a password only as {@code password_protected}), in id order, streamed {@value
 * #BATCH} at a time, so that a million links never sit in memory. Behind the admin's sign-in, as
 * everything under {@code /admin/}.
 */
@WebServlet({"/admin/links.csv", "/admin/links.json"})
public class LinkExport extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final int BATCH = 1_000;

  @Inject transient LinkDump dump;
  @Inject transient ShortCodes codes;
  @Inject transient PublicOrigin origin;
  @EJB transient ClickFlusher clicks;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean json = request.getServletPath().endsWith(".json");
    response.setContentType(json ? "application/json" : "text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"links." + (json ? "json" : "csv") + "\"");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    clicks.fold();
    URI from = origin.of(request);
    ZoneId zone = LinkService.zone();
    Writer out = response.getWriter();
    if (json) {
      try (JsonGenerator generator = ApiJson.JSON.createGenerator(out)) {
        generator.writeStartArray();
        each(link -> LinkJson.write(generator, link, code(link), shortUrl(from, link), zone));
        generator.writeEnd();
      }
    } else {
      LinkCsv.header(out);
      each(link -> LinkCsv.row(out, link, code(link), shortUrl(from, link), zone));
      out.flush();
    }
  }

  /** What is done with each link. */
  private interface Each {
    void write(ExportedLink link) throws IOException;
  }

  private void each(Each each) throws IOException {
    long after = 0;
    List<ExportedLink> batch;
    do {
      batch = dump.after(after, BATCH);
      for (ExportedLink link : batch) {
        each.write(link);
        after = link.id();
      }
    } while (batch.size() == BATCH);
  }

  private String code(ExportedLink link) {
    return codes.encode(link.id());
  }

  private String shortUrl(URI from, ExportedLink link) {
    return PublicOrigin.linkTo(from, link.alias() != null ? link.alias() : code(link));
  }
}
