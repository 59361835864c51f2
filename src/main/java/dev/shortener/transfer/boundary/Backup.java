package dev.shortener.transfer.boundary;

import dev.shortener.links.control.ShortCodes;
import dev.shortener.platform.DataDirectory;
import dev.shortener.platform.Database;
import dev.shortener.platform.Dialect;
import dev.shortener.transfer.control.Snapshot;
import dev.shortener.web.ErrorPage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /admin/backup.zip}: a consistent snapshot of the SQLite data directory ({@link
 * Snapshot}), taken while the server keeps serving. The copy is made in the data directory, which
 * is the owner's alone, and deleted once sent. On PostgreSQL the database is the operator's to back
 * up with {@code pg_dump}, which README explains; this address says so.
 */
@WebServlet("/admin/backup.zip")
public class Backup extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(Backup.class.getName());

  @Inject transient ShortCodes codes;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    if (Dialect.configured() != Dialect.SQLITE) {
      ErrorPage.render(
          request,
          response,
          HttpServletResponse.SC_CONFLICT,
          "This shortener keeps its links in PostgreSQL: back it up with pg_dump, as README's"
              + " backup section shows. The salt its codes are made with is in the database too.");
      return;
    }
    Instant taken = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS);
    Path copy;
    // A connection of its own: VACUUM refuses a connection with statements in progress, which a
    // pooled one's statement cache may hold.
    try (Connection connection = Database.openDirectly()) {
      copy = Snapshot.copy(connection, DataDirectory.prepare());
    } catch (SQLException | IOException e) {
      LOG.log(Level.WARNING, "Could not copy the database for a backup", e);
      ErrorPage.render(
          request,
          response,
          HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          "The database could not be copied (is the disk full?). Nothing was changed.");
      return;
    }
    try {
      response.setContentType("application/zip");
      response.setHeader(
          "Content-Disposition",
          "attachment; filename=\"shortener-backup-"
              + taken.toString().replace(":", "")
              + ".zip\"");
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("X-Content-Type-Options", "nosniff");
      Snapshot.zip(copy, codes.salt(), codes.minLength(), taken, response.getOutputStream());
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
