package dev.shortener.visits.boundary;

import dev.shortener.api.ApiDates;
import dev.shortener.links.boundary.LinkService;
import dev.shortener.links.entity.Link;
import dev.shortener.visits.control.VisitScope;
import dev.shortener.visits.control.VisitStats;
import dev.shortener.visits.entity.Visit;
import dev.shortener.web.Csv;
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
        "date,kind,potential_bot,link_id,path,referrer,browser,os,device,country,user_agent"
            + Csv.END);
    Long before = null;
    List<Visit> batch;
    do {
      batch = visits.latest(VisitScope.link(link), before, BATCH);
      for (Visit visit : batch) {
        out.write(ApiDates.format(visit.time(), zone));
        Csv.cell(out, visit.kind().name().toLowerCase(Locale.ROOT));
        Csv.cell(out, Boolean.toString(visit.kind().potentialBot()));
        Csv.cell(out, visit.linkId() == null ? "" : visit.linkId().toString());
        Csv.cell(out, visit.orphanPath());
        Csv.cell(out, visit.referrer());
        Csv.cell(out, visit.browser());
        Csv.cell(out, visit.os());
        Csv.cell(out, visit.device());
        Csv.cell(out, visit.country());
        Csv.cell(out, visit.userAgent());
        out.write(Csv.END);
        before = visit.id();
      }
    } while (batch.size() == BATCH);
    out.flush();
  }
}
