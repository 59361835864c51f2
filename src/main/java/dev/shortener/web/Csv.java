package dev.shortener.web;

import java.io.IOException;
import java.io.Writer;

/**
 * CSV as the downloads write it: RFC 4180 (comma, CRLF, a value quoted when it holds a comma, a
 * quote or a line break), and no cell a spreadsheet would run as a formula.
 */
public final class Csv {

  /** The end of a row. */
  public static final String END = "\r\n";

  private Csv() {}

  /** {@code value} as the first cell of a row. */
  public static void first(Writer out, String value) throws IOException {
    write(out, value);
  }

  /** A comma, then {@code value}; null or empty as an empty cell. */
  public static void cell(Writer out, String value) throws IOException {
    out.write(',');
    write(out, value);
  }

  /**
   * A value that starts with {@code =}, {@code +}, {@code -} or {@code @} gets a leading
   * apostrophe, which spreadsheets show as text instead of running it as a formula.
   */
  private static void write(Writer out, String value) throws IOException {
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
