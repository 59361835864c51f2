package dev.shortener.transfer.boundary;

import dev.shortener.links.boundary.PublicOrigin;
import dev.shortener.links.control.ShortCodes;
import dev.shortener.platform.Dialect;
import dev.shortener.transfer.control.ImportField;
import dev.shortener.transfer.control.ImportJob;
import dev.shortener.transfer.control.ImportMapping;
import dev.shortener.transfer.control.Imports;
import dev.shortener.transfer.control.Imports.Kind;
import dev.shortener.transfer.control.Imports.Upload;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin's {@code /admin/import} page: the upload of a file to import, what it is (the first
 * rows and the column mapping of a CSV file), the buttons that start a dry run or the import, the
 * progress of the one running, its report; then the exports, and the backup where SQLite is used.
 */
@Named
@RequestScoped
public class TransferPage {

  @Inject Imports imports;
  @Inject PublicOrigin origin;
  @Inject ShortCodes codes;
  @Inject HttpServletRequest request;

  /** The column chosen for each mappable field, by its key: a column number, or -1 for none. */
  private final Map<String, String> columns = new HashMap<>();

  private boolean renumber;

  @PostConstruct
  void load() {
    imports
        .upload()
        .filter(upload -> upload.kind() == Kind.CSV)
        .ifPresent(
            upload -> {
              for (ImportField field : getFields()) {
                columns.put(
                    field.key(), Integer.toString(upload.recognised().column(field).orElse(-1)));
              }
            });
  }

  /**
   * Whether {@code /admin/backup.zip} can copy the database (SQLite), or pg_dump must (PostgreSQL).
   */
  public boolean isBackupOffered() {
    return Dialect.configured() == Dialect.SQLITE;
  }

  /** The file uploaded, or null. */
  public Upload getUpload() {
    return imports.upload().orElse(null);
  }

  public boolean isTutorial() {
    return imports.upload().map(upload -> upload.kind() == Kind.TUTORIAL).orElse(false);
  }

  /** Whether the uploaded CSV file is this shortener's own export, which needs no mapping. */
  public boolean isExport() {
    return imports.upload().map(Upload::export).orElse(false);
  }

  /** The running or last import, or null. */
  public ImportJob getJob() {
    return imports.job().orElse(null);
  }

  public boolean isRunning() {
    return imports.job().map(ImportJob::isRunning).orElse(false);
  }

  /** The fields the admin maps, in the form's order. */
  public List<ImportField> getFields() {
    return Arrays.stream(ImportField.values()).filter(ImportField::mappable).toList();
  }

  /** The mapping's choices: none, then each column by its number and header. */
  public Map<String, String> getColumnChoices() {
    Map<String, String> choices = new LinkedHashMap<>();
    choices.put("(none)", "-1");
    List<String> header = imports.upload().map(Upload::header).orElse(List.of());
    for (int i = 0; i < header.size(); i++) {
      choices.put((i + 1) + ": " + header.get(i), Integer.toString(i));
    }
    return choices;
  }

  /** The uploaded CSV file's header, for the preview table. */
  public List<String> getHeader() {
    return imports.upload().map(Upload::header).orElse(List.of());
  }

  /** Its first rows, each as wide as the header. */
  public List<List<String>> getPreview() {
    int width = getHeader().size();
    List<List<String>> rows = new ArrayList<>();
    for (List<String> record : imports.upload().map(Upload::preview).orElse(List.of())) {
      List<String> row = new ArrayList<>(record.subList(0, Math.min(width, record.size())));
      while (row.size() < width) {
        row.add("");
      }
      rows.add(row);
    }
    return rows;
  }

  /** The Hashids settings the tutorial's codes must be made with, for the page's reminder. */
  public int getMinLength() {
    return codes.minLength();
  }

  public Map<String, String> getColumns() {
    return columns;
  }

  public boolean isRenumber() {
    return renumber;
  }

  public void setRenumber(boolean renumber) {
    this.renumber = renumber;
  }

  /** The Dry run button: what the import would do, nothing written. */
  public void dryRun() throws IOException {
    start(true);
  }

  /** The Import button. */
  public void importFile() throws IOException {
    start(false);
  }

  private void start(boolean dryRun) throws IOException {
    try {
      ImportMapping mapping = null;
      Upload upload =
          imports
              .upload()
              .orElseThrow(() -> new IllegalStateException("Upload a file to import first."));
      if (upload.kind() == Kind.CSV) {
        Map<String, Integer> chosen = new HashMap<>();
        columns.forEach((key, column) -> chosen.put(key, parse(column)));
        mapping = upload.recognised().choose(chosen, upload.header().size());
      }
      imports.start(dryRun, mapping, renumber, origin.of(request));
    } catch (IllegalArgumentException | IllegalStateException refused) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
      return;
    }
    backToPage();
  }

  private static int parse(String column) {
    try {
      return column == null ? -1 : Integer.parseInt(column);
    } catch (NumberFormatException garbage) {
      throw new IllegalArgumentException("Choose the columns from the lists.");
    }
  }

  /** The Cancel button of a running import. */
  public void cancel() throws IOException {
    imports.cancel();
    backToPage();
  }

  /** The Start over button: forgets the upload and the report. */
  public void discard() throws IOException {
    try {
      imports.discard();
    } catch (IllegalStateException running) {
      FacesContext.getCurrentInstance()
          .addMessage(
              null, new FacesMessage(FacesMessage.SEVERITY_ERROR, running.getMessage(), null));
      return;
    }
    backToPage();
  }

  private static void backToPage() throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + "/admin/import");
  }
}
