package dev.shortener.transfer.boundary;

import dev.shortener.transfer.control.Imports;
import dev.shortener.web.ErrorPage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /admin/import/upload}: the import page's file, a multipart form field {@code file},
 * taken as the file to import ({@link Imports#receive}); then back to the page, which shows what
 * the file is. A file that cannot be imported is refused with the reason and leaves nothing behind.
 * The form carries the admin's token like every admin form ({@code AdminForms} in web.xml).
 */
@WebServlet(name = "import-upload", urlPatterns = "/admin/import/upload")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = Imports.MAX_UPLOAD_BYTES)
public class ImportUpload extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(ImportUpload.class.getName());

  @Inject transient Imports imports;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    Part part;
    try {
      part = request.getPart("file");
    } catch (IllegalStateException tooLarge) {
      ErrorPage.render(
          request,
          response,
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "The file is larger than an import takes (2 GB).");
      return;
    } catch (ServletException notMultipart) {
      refuse(request, response, "Choose a file to upload.");
      return;
    }
    if (part == null || part.getSize() == 0) {
      refuse(request, response, "Choose a file to upload: the one sent was empty.");
      return;
    }
    try (InputStream in = part.getInputStream()) {
      imports.receive(in, part.getSubmittedFileName());
    } catch (IllegalArgumentException refused) {
      refuse(request, response, refused.getMessage());
      return;
    } catch (IllegalStateException running) {
      ErrorPage.render(request, response, HttpServletResponse.SC_CONFLICT, running.getMessage());
      return;
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not keep an uploaded import file", e);
      ErrorPage.render(
          request,
          response,
          HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
          "The file could not be kept (is the disk full?). Nothing was imported.");
      return;
    } finally {
      part.delete();
    }
    // 303, not sendRedirect's 302: a reload of the page it leads to must not post the file again.
    response.setStatus(HttpServletResponse.SC_SEE_OTHER);
    response.setHeader("Location", request.getContextPath() + "/admin/import");
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String why)
      throws ServletException, IOException {
    ErrorPage.render(
        request, response, HttpServletResponse.SC_BAD_REQUEST, why + " Nothing was imported.");
  }
}
