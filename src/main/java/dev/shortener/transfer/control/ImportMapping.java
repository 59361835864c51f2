package dev.shortener.transfer.control;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which column of a CSV file holds which {@link ImportField}: recognised from the header row, then
 * changed by the admin for the fields they map. A column holds one field at most, and the
 * destination must have one.
 */
public final class ImportMapping {

  private final Map<ImportField, Integer> columns;

  private ImportMapping(Map<ImportField, Integer> columns) {
    this.columns = Collections.unmodifiableMap(columns);
  }

  /** The fields the header's names say, each from its first column of that name. */
  public static ImportMapping recognise(List<String> header) {
    Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
    for (int i = 0; i < header.size(); i++) {
      int column = i;
      ImportField.named(header.get(i)).ifPresent(field -> columns.putIfAbsent(field, column));
    }
    return new ImportMapping(columns);
  }

  /** Whether {@code header} is this shortener's own export's, which needs no mapping. */
  public static boolean isExport(List<String> header) {
    return header.stream().map(String::strip).toList().equals(LinkCsv.COLUMNS);
  }

  /**
   * This mapping with the admin's choice for every mappable field: {@code chosen} gives a column
   * number, or -1 for none, by {@link ImportField#key}; a field it leaves out keeps its column.
   *
   * @throws IllegalArgumentException if a column is out of range or chosen twice, or no column is
   *     the destination
   */
  public ImportMapping choose(Map<String, Integer> chosen, int width) {
    Map<ImportField, Integer> next = new EnumMap<>(ImportField.class);
    next.putAll(columns);
    for (ImportField field : ImportField.values()) {
      Integer column = field.mappable() ? chosen.get(field.key()) : null;
      if (column == null) {
        continue;
      }
      if (column < 0) {
        next.remove(field);
      } else if (column >= width) {
        throw new IllegalArgumentException("There is no column " + (column + 1) + ".");
      } else {
        next.put(field, column);
      }
    }
    ImportMapping mapping = new ImportMapping(next);
    mapping.check();
    return mapping;
  }

  /**
   * @throws IllegalArgumentException if no column is the destination or one column is two fields
   */
  public void check() {
    if (!columns.containsKey(ImportField.DESTINATION)) {
      throw new IllegalArgumentException("Choose the column that holds the destination URL.");
    }
    Map<Integer, ImportField> seen = new HashMap<>();
    for (Map.Entry<ImportField, Integer> entry : columns.entrySet()) {
      ImportField before = seen.putIfAbsent(entry.getValue(), entry.getKey());
      if (before != null) {
        throw new IllegalArgumentException(
            "Column "
                + (entry.getValue() + 1)
                + " cannot be both "
                + before.label()
                + " and "
                + entry.getKey().label()
                + ".");
      }
    }
  }

  /** The column of {@code field}, if it has one. */
  public Optional<Integer> column(ImportField field) {
    return Optional.ofNullable(columns.get(field));
  }

  /** The values of one record by field; a cell the record lacks counts as empty. */
  public Map<ImportField, String> read(List<String> record) {
    Map<ImportField, String> values = new EnumMap<>(ImportField.class);
    columns.forEach(
        (field, column) -> values.put(field, column < record.size() ? record.get(column) : ""));
    return values;
  }
}
