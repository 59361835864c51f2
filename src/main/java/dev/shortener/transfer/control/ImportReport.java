package dev.shortener.transfer.control;

import dev.shortener.web.Csv;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The report of an import as a CSV file the admin downloads: a row for every row of the file that
 * was not imported as it was (skipped, or stored with a new code), with where it is in the file and
 * why. Written as the import goes, so that a million problems need no memory.
 */
final class ImportReport implements AutoCloseable {

  /** The report's header. */
  static final String HEADER = "line,id,destination,outcome,reason";

  private final Writer out;

  ImportReport(Path file) throws IOException {
    out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    out.write(HEADER);
    out.write(Csv.END);
  }

  /** A row of {@code row}: CSV rows by line, the tutorial's by id. */
  void row(ImportRow row, String outcome, String reason) throws IOException {
    Csv.first(out, row.id() == null ? Long.toString(row.line()) : null);
    Csv.cell(out, row.id() == null ? null : row.id().toString());
    Csv.cell(out, row.value(ImportField.DESTINATION));
    Csv.cell(out, outcome);
    Csv.cell(out, reason);
    out.write(Csv.END);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
