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

  /** The characters a spreadsheet takes as the start of a formula. */
  private static final String FORMULA = "=+-@";

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
   * {@code cell} as it was before {@link #cell} guarded it: one leading apostrophe fewer on a value
   * whose apostrophes are followed by a formula's first character. The CSV import reads the
   * export's cells back with this, so that a title such as {@code =1+1} comes back unchanged.
   */
  public static String unguarded(String cell) {
    return isGuarded(cell) ? cell.substring(1) : cell;
  }

  /**
   * A value that starts with {@code =}, {@code +}, {@code -} or {@code @} gets a leading
   * apostrophe, which spreadsheets show as text instead of running it as a formula; so does one
   * that starts with apostrophes and then one of those, so that {@link #unguarded} can tell the
   * guard from the value.
   */
  private static void write(Writer out, String value) throws IOException {
    if (value == null || value.isEmpty()) {
      return;
    }
    String text = needsGuard(value) ? "'" + value : value;
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

  private static boolean needsGuard(String value) {
    int first = 0;
    while (first < value.length() && value.charAt(first) == '\'') {
      first++;
    }
    return first < value.length() && FORMULA.indexOf(value.charAt(first)) >= 0;
  }

  private static boolean isGuarded(String cell) {
    return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && needsGuard(cell);
  }
}
