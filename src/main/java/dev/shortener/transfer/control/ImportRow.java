package dev.shortener.transfer.control;

import java.util.Map;

/**
 * One row of a file being imported, as read: where it is ({@code line} of a CSV file, or the row's
 * id in the tutorial's database), the id it must keep (the tutorial's), or null for a new one, and
 * its values by field, unchecked.
 */
public record ImportRow(long line, Long id, Map<ImportField, String> values) {

  /** The value of {@code field}, stripped; empty if the row has none. */
  public String value(ImportField field) {
    String value = values.get(field);
    return value == null ? "" : value.strip();
  }
}
