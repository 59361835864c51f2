package dev.shortener.apikeys.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do. Each scope includes the ones before it: {@code read} lists and reads
 * links, tags and visits; {@code create} also creates links; {@code admin} may do everything,
 * editing and deleting included.
 */
public enum Scope {
  READ,
  CREATE,
  ADMIN;

  /** Whether a key of this scope may do what {@code needed} allows. */
  public boolean includes(Scope needed) {
    return compareTo(needed) >= 0;
  }

  /** The name stored and shown: {@code read}, {@code create}, {@code admin}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The scope of a label, ignoring case; empty for anything else. */
  public static Optional<Scope> of(String label) {
    for (Scope scope : values()) {
      if (scope.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
        return Optional.of(scope);
      }
    }
    return Optional.empty();
  }
}
