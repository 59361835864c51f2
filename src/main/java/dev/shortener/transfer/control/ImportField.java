package dev.shortener.transfer.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a column of an imported CSV file can be: the six fields the admin maps by hand, and the
 * options only this shortener's own export has, which are recognised by their export names. Each is
 * known by its name in {@link LinkCsv#COLUMNS} and by the names other tools give it.
 */
public enum ImportField {
  DESTINATION("Destination URL", true, "destination", "url", "long_url", "original", "target"),
  ALIAS("Alias", true, "alias", "custom_slug", "slug", "keyword"),
  TITLE("Title", true, "title", "name"),
  TAGS("Tags", true, "tags", "tag", "labels"),
  CREATED("Creation date", true, "created", "created_at", "date_created", "timestamp"),
  CLICKS("Clicks", true, "clicks", "visits", "visits_count", "hits"),
  EDITED("Edited", false, "edited"),
  DISABLED("Disabled", false, "disabled"),
  VALID_FROM("Valid from", false, "valid_from"),
  VALID_UNTIL("Valid until", false, "valid_until"),
  MAX_VISITS("Max visits", false, "max_visits"),
  FALLBACK_URL("Fallback URL", false, "fallback_url"),
  REDIRECT_TYPE("Redirect type", false, "redirect_type"),
  FORWARD_QUERY("Forward query", false, "forward_query"),
  CRAWLABLE("Crawlable", false, "crawlable");

  private final String label;
  private final boolean mappable;
  private final List<String> names;

  ImportField(String label, boolean mappable, String... names) {
    this.label = label;
    this.mappable = mappable;
    this.names = List.of(names);
  }

  /** The name a person reads. */
  public String label() {
    return label;
  }

  /** Whether the admin chooses its column; the others are taken only from their export name. */
  public boolean mappable() {
    return mappable;
  }

  /** The column name of the export, which is also the name of the mapping's form field. */
  public String key() {
    return names.get(0);
  }

  /** The field a header cell names, ignoring case, spaces and hyphens; empty if none. */
  public static Optional<ImportField> named(String header) {
    String name = header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    for (ImportField field : values()) {
      if (field.names.contains(name)) {
        return Optional.of(field);
      }
    }
    return Optional.empty();
  }
}
