package dev.shortener.visits.boundary;

import dev.shortener.api.ApiDates;
import dev.shortener.links.boundary.LinkService;
import dev.shortener.links.entity.Link;
import dev.shortener.visits.control.VisitScope;
import dev.shortener.visits.control.VisitStats;
import dev.shortener.visits.entity.Visit;
import dev.shortener.web.ErrorPage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /admin/visits.csv?key=<link>} (or {@code ?orphans}, or neither for every link): every
 * recorded visit as CSV, newest first, streamed {@value #BATCH} at a time by keyset, so a million
 * visits never sit in memory. Behind the admin's sign-in, as everything under {@code /admin/}.
 */
@WebServlet("/admin/visits.csv")
public class VisitExport extends HttpServlet {

  private static final long serialVersionUID = 1L;

  static final int BATCH = 1_000;

  @Inject transient Visits visits;
  @Inject transient LinkService links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String key = request.getParameter("key");
    long link;
    String name;
    if (key != null) {
      Optional<Link> found = links.find(key);
      if (found.isEmpty()) {
        ErrorPage.render(request, response, HttpServletResponse.SC_NOT_FOUND, "No such link.");
        return;
      }
      link = found.get().getId();
      name = "visits-" + links.key(found.get());
    } else if (request.getParameter("orphans") != null) {
      link = VisitStats.ORPHANS;
      name = "orphan-visits";
    } else {
      link = VisitStats.ALL_LINKS;
      name = "visits";
    }
    response.setContentType("text/csv");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
    response.setHeader("Cache-Control", "no-store");
    ZoneId zone = LinkService.zone();
    Writer out = response.getWriter();
    out.write(
        "date,kind,potential_bot,link_id,path,referrer,browser,os,device,country,user_agent\r\n");
    Long before = null;
    List<Visit> batch;
    do {
      batch = visits.latest(VisitScope.link(link), before, BATCH);
      for (Visit visit : batch) {
        out.write(ApiDates.format(visit.time(), zone));
        cell(out, visit.kind().name().toLowerCase(Locale.ROOT));
        cell(out, Boolean.toString(visit.kind().potentialBot()));
        cell(out, visit.linkId() == null ? "" : visit.linkId().toString());
        cell(out, visit.orphanPath());
        cell(out, visit.referrer());
        cell(out, visit.browser());
        cell(out, visit.os());
        cell(out, visit.device());
        cell(out, visit.country());
        cell(out, visit.userAgent());
        out.write("\r\n");
        before = visit.id();
      }
    } while (batch.size() == BATCH);
    out.flush();
  }

  /**
   * A comma, then the value quoted as RFC 4180 says when it needs it; a value a spreadsheet would
   * run as a formula ({@code =}, {@code +}, {@code -}, {@code @}) gets a leading apostrophe.
   */
  static void cell(Writer out, String value) throws IOException {
    out.write(',');
    if (value == null || value.isEmpty()) {
      return;
    }
    String text = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      out.write('"');
      out.write(text.replace("\"", "\"\""));
      out.write('"');
    } else {
      out.write(text);
    }
  }
}
