package dev.shortener.transfer.boundary;

import dev.shortener.api.ApiJson;
import dev.shortener.transfer.control.ImportJob;
import dev.shortener.transfer.control.Imports;
import dev.shortener.web.ErrorPage;
import jakarta.inject.Inject;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code GET /admin/import/status}: the running or last import's progress as JSON, which the import
 * page's script reads every second to move its progress bar; and {@code GET
 * /admin/import/report.csv}: the last import's report.
 */
@WebServlet({"/admin/import/status", "/admin/import/report.csv"})
public class ImportStatus extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient Imports imports;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (request.getServletPath().endsWith(".csv")) {
      report(request, response);
      return;
    }
    response.setContentType("application/json");
    Optional<ImportJob> job = imports.job();
    try (JsonGenerator out = ApiJson.JSON.createGenerator(response.getWriter())) {
      out.writeStartObject();
      if (job.isEmpty()) {
        out.write("state", "NONE");
      } else {
        ImportJob running = job.get();
        out.write("state", running.getState().name());
        out.write("label", running.getState().label());
        out.write("dryRun", running.isDryRun());
        out.write("total", running.getTotal());
        out.write("done", running.getDone());
        out.write("percent", running.getPercent());
        out.write("rate", running.getRate());
        out.write("secondsLeft", running.getSecondsLeft());
        out.write("imported", running.getImported());
        out.write("skipped", running.getSkipped());
      }
      out.writeEnd();
    }
  }

  private void report(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Optional<Path> report = imports.report().filter(Files::isRegularFile);
    if (report.isEmpty()) {
      ErrorPage.render(
          request,
          response,
          HttpServletResponse.SC_NOT_FOUND,
          "There is no import report: it appears once an import or a dry run has ended.");
      return;
    }
    response.setContentType("text/csv");
    response.setHeader("Content-Disposition", "attachment; filename=\"import-report.csv\"");
    response.setContentLengthLong(Files.size(report.get()));
    Files.copy(report.get(), response.getOutputStream());
  }
}
