package dev.shortener.transfer.control;

import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkForm;
import dev.shortener.links.control.LinkRules;
import dev.shortener.links.control.LinkValues;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Checks an imported row by the rules every link is made by ({@link LinkRules}, the form's and the
 * API's), plus the two fields only an import sets: the creation date and the clicks so far.
 */
public final class ImportCheck {

  private final LinkRules rules;
  private final URI origin;

  /** Rows checked by {@code rules}, for a shortener at {@code origin} (the loop rule). */
  public ImportCheck(LinkRules rules, URI origin) {
    this.rules = rules;
    this.origin = origin;
  }

  /** A row that may be stored, with what to store. */
  public record Accepted(
      ImportRow row, LinkValues values, long created, Long edited, long clicks) {}

  /**
   * What {@code row} becomes, created {@code now} unless it says when.
   *
   * @throws InvalidLinkException with every reason the row is refused
   */
  public Accepted check(ImportRow row, long now) throws InvalidLinkException {
    String url = row.value(ImportField.DESTINATION);
    if (url.isEmpty()) {
      throw InvalidLinkException.of("url", "The destination URL is empty.");
    }
    LinkForm form = LinkForm.of(url);
    form.setAlias(row.value(ImportField.ALIAS));
    form.setTitle(row.value(ImportField.TITLE));
    String tags = row.value(ImportField.TAGS);
    form.setTags(
        tags.isEmpty() ? List.of() : Arrays.stream(tags.split(",")).map(String::strip).toList());
    form.setValidFrom(row.value(ImportField.VALID_FROM));
    form.setValidUntil(row.value(ImportField.VALID_UNTIL));
    form.setMaxVisits(row.value(ImportField.MAX_VISITS));
    form.setFallbackUrl(row.value(ImportField.FALLBACK_URL));
    form.setRedirectType(row.value(ImportField.REDIRECT_TYPE));
    form.setForwardQuery(flag(row, ImportField.FORWARD_QUERY));
    form.setCrawlable(flag(row, ImportField.CRAWLABLE));
    form.setDisabled(flag(row, ImportField.DISABLED));
    LinkValues values = rules.apply(form, LinkValues.defaults(null), origin);
    Long created = date(row, ImportField.CREATED);
    return new Accepted(
        row, values, created == null ? now : created, date(row, ImportField.EDITED), clicks(row));
  }

  /**
   * A date as the link form takes one, or epoch milliseconds (as Prisma stores dates in SQLite).
   */
  private Long date(ImportRow row, ImportField field) throws InvalidLinkException {
    String text = row.value(field);
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 19) {
      return Long.parseLong(text);
    }
    try {
      return rules.dateTime(text, field.key());
    } catch (InvalidLinkException e) {
      throw InvalidLinkException.of(
          field.key(), field.label() + " is not a date and time: " + text + ".");
    }
  }

  private static long clicks(ImportRow row) throws InvalidLinkException {
    String text = row.value(ImportField.CLICKS);
    if (text.isEmpty()) {
      return 0;
    }
    if (text.chars().allMatch(Character::isDigit) && text.length() < 19) {
      return Long.parseLong(text);
    }
    throw InvalidLinkException.of("clicks", "Clicks must be a whole number, not " + text + ".");
  }

  private static Boolean flag(ImportRow row, ImportField field) throws InvalidLinkException {
    String text = row.value(field).toLowerCase(Locale.ROOT);
    switch (text) {
      case "":
        return null;
      case "true", "yes", "1":
        return true;
      case "false", "no", "0":
        return false;
      default:
        throw InvalidLinkException.of(
            field.key(), field.label() + " must be true or false, not " + text + ".");
    }
  }

  /** The reasons of {@code refusal}, as one line of the report. */
  public static String reason(InvalidLinkException refusal) {
    return String.join(" ", refusal.fields().values());
  }
}
