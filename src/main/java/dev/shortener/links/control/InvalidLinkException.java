package dev.shortener.links.control;

import jakarta.ejb.ApplicationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A link the shortener refuses, with a message for each field that is wrong, meant for the person
 * or program that sent it. Nothing is stored when it is thrown.
 *
 * <p>The fields are {@link LinkForm}'s property names ({@code url}, {@code alias}, {@code
 * validUntil}, ...); each boundary shows the message next to its own field of that name.
 */
@ApplicationException(rollback = true)
public class InvalidLinkException extends Exception {

  private static final long serialVersionUID = 1L;

  private final Map<String, String> fields;

  /** A refusal of the fields of {@code messages} (field name to message, in form order). */
  public InvalidLinkException(Map<String, String> messages) {
    super(String.join(" ", messages.values()));
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
  }

  /** A refusal of one field. */
  public static InvalidLinkException of(String field, String message) {
    return new InvalidLinkException(Map.of(field, message));
  }

  /**
   * The refusal of an alias another link has: the fields were fine, the name was not free. The API
   * answers it in a shape of its own.
   */
  public static class AliasTaken extends InvalidLinkException {
    private static final long serialVersionUID = 1L;

    private final String alias;

    public AliasTaken(String alias) {
      super(Map.of("alias", "The alias \"" + alias + "\" is taken; choose another one."));
      this.alias = alias;
    }

    /** The alias asked for. */
    public String alias() {
      return alias;
    }
  }

  /** Field name to message, in the order of the form. */
  public Map<String, String> fields() {
    return fields;
  }
}
