package dev.shortener.transfer.control;

import dev.shortener.web.Csv;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of a CSV file, one at a time (RFC 4180: commas, quoted values with doubled quotes and
 * line breaks inside, CRLF or LF), so that a million rows never sit in memory. A byte order mark is
 * skipped, blank lines are no records, and each cell is read back {@link Csv#unguarded unguarded}.
 * A value or a record larger than any link needs is refused rather than read into memory.
 */
public final class CsvRecords implements AutoCloseable {

  /** The longest cell: a URL of the longest kind the rules allow, and then some. */
  static final int MAX_CELL = 16 * 1024;

  /** The most cells a record may have. */
  static final int MAX_CELLS = 256;

  private static final int NOTHING = -2;

  private final Reader in;
  private int unread = NOTHING;
  private boolean started;
  private long line = 1;
  private long recordLine;

  /** The records of {@code in}, which should be buffered. */
  public CsvRecords(Reader in) {
    this.in = in;
  }

  /** The line the last record returned began on, counting from 1. */
  public long line() {
    return recordLine;
  }

  /**
   * The next record, or null after the last.
   *
   * @throws CsvException if the text is not CSV (a quote that never closes, a value too long)
   */
  public List<String> next() throws IOException {
    int c = read();
    while (c == '\r' || c == '\n') {
      endOfLine(c);
      c = read();
    }
    if (c == -1) {
      return null;
    }
    recordLine = line;
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (; ; c = read()) {
      if (quoted) {
        if (c == -1) {
          throw new CsvException(
              "Line " + recordLine + ": a quoted value is not closed before the end of the file.");
        }
        if (c == '"') {
          int after = read();
          if (after == '"') {
            append(cell, '"');
          } else {
            quoted = false;
            unread = after;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          append(cell, (char) c);
        }
      } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        add(record, cell);
        wasQuoted = false;
      } else if (c == '\r' || c == '\n' || c == -1) {
        add(record, cell);
        endOfLine(c);
        return record;
      } else {
        append(cell, (char) c);
      }
    }
  }

  private void add(List<String> record, StringBuilder cell) throws CsvException {
    if (record.size() == MAX_CELLS) {
      throw new CsvException("Line " + recordLine + " has more than " + MAX_CELLS + " values.");
    }
    record.add(Csv.unguarded(cell.toString()));
    cell.setLength(0);
  }

  private void append(StringBuilder cell, char c) throws CsvException {
    if (cell.length() == MAX_CELL) {
      throw new CsvException(
          "Line " + recordLine + " has a value longer than " + MAX_CELL + " characters.");
    }
    cell.append(c);
  }

  /** Counts the line break {@code c} began (CRLF is one), or nothing at the end of the file. */
  private void endOfLine(int c) throws IOException {
    if (c == -1) {
      return;
    }
    line++;
    if (c == '\r') {
      int next = read();
      if (next != '\n') {
        unread = next;
      }
    }
  }

  private int read() throws IOException {
    if (unread != NOTHING) {
      int c = unread;
      unread = NOTHING;
      return c;
    }
    int c = in.read();
    if (!started) {
      started = true;
      if (c == '\uFEFF') {
        c = in.read();
      }
    }
    return c;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** The file is not CSV as this reader takes it. */
  public static final class CsvException extends IOException {
    private static final long serialVersionUID = 1L;

    CsvException(String message) {
      super(message);
    }
  }
}
