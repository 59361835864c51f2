package dev.shortener.links.control;

import dev.shortener.platform.PasswordHash;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every rule of a link's fields, in one place for the admin's pages, the home form and the API: a
 * {@link LinkForm} in, checked {@link LinkValues} out, or an {@link InvalidLinkException} with a
 * message for each field that is wrong. Nothing here touches the database; whether an alias is free
 * is the store's to say.
 */
public final class LinkRules {

  /** The most tags a link may have. */
  public static final int MAX_TAGS = 20;

  /** The longest tag. */
  public static final int MAX_TAG_LENGTH = 50;

  /** The longest title. */
  public static final int MAX_TITLE_LENGTH = 200;

  /** The longest password. */
  public static final int MAX_PASSWORD_LENGTH = 200;

  private static final Set<Integer> REDIRECT_TYPES = Set.of(301, 302, 307, 308);

  /** Strict: 2026-02-30 is no date, where the lenient default would read 2026-02-28. */
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("uuuu-MM-dd[['T'][' ']HH:mm[:ss]]", Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);

  private final Destinations destinations;
  private final ShortCodes codes;
  private final ZoneId zone;

  /**
   * Rules that check URLs with {@code destinations}, aliases against {@code codes}, and read a date
   * and time without an offset in {@code zone}, the admin's.
   */
  public LinkRules(Destinations destinations, ShortCodes codes, ZoneId zone) {
    this.destinations = destinations;
    this.codes = codes;
    this.zone = zone;
  }

  /**
   * The values of {@code current} with the fields {@code form} gives applied, or every reason why
   * not.
   *
   * @param current the link as it is, or {@link LinkValues#defaults} of the form's URL for a new
   *     one
   * @param origin the public origin of the request (for the loop rule)
   */
  public LinkValues apply(LinkForm form, LinkValues current, URI origin)
      throws InvalidLinkException {
    Map<String, String> refused = new LinkedHashMap<>();
    String original = current.original();
    if (form.getUrl() != null || original == null) {
      try {
        original = destinations.check(form.getUrl(), origin).url();
      } catch (InvalidUrlException e) {
        refused.put("url", e.getMessage());
      }
    }
    String alias = current.alias();
    if (form.getAlias() != null) {
      alias = blankToNull(form.getAlias());
      String problem = alias == null ? null : Aliases.refusal(alias, codes);
      if (problem != null) {
        refused.put("alias", problem);
      }
    }
    String title = current.title();
    if (form.getTitle() != null) {
      title = blankToNull(form.getTitle());
      if (title != null && title.length() > MAX_TITLE_LENGTH) {
        refused.put("title", "A title has at most " + MAX_TITLE_LENGTH + " characters.");
      } else if (title != null && title.chars().anyMatch(Character::isISOControl)) {
        refused.put("title", "A title cannot contain control characters.");
      }
    }
    List<String> tags = current.tags();
    if (form.getTags() != null) {
      tags = tags(form.getTags(), refused);
    }
    Long validFrom = current.validFrom();
    if (form.getValidFrom() != null) {
      validFrom = time(form.getValidFrom(), "validFrom", refused);
    }
    Long validUntil = current.validUntil();
    if (form.getValidUntil() != null) {
      validUntil = time(form.getValidUntil(), "validUntil", refused);
    }
    if (validFrom != null && validUntil != null && validUntil <= validFrom) {
      refused.putIfAbsent("validUntil", "Valid until must come after valid from.");
    }
    Long maxVisits = current.maxVisits();
    if (form.getMaxVisits() != null) {
      maxVisits = maxVisits(form.getMaxVisits(), refused);
    }
    String fallback = current.fallbackUrl();
    if (form.getFallbackUrl() != null) {
      fallback = blankToNull(form.getFallbackUrl());
      if (fallback != null) {
        try {
          fallback = destinations.check(fallback, origin).url();
        } catch (InvalidUrlException e) {
          refused.put("fallbackUrl", "Fallback URL: " + e.getMessage());
        }
      }
    }
    String passwordHash = current.passwordHash();
    if (form.isRemovePassword()) {
      passwordHash = null;
    } else if (form.getPassword() != null && !form.getPassword().isEmpty()) {
      if (form.getPassword().length() > MAX_PASSWORD_LENGTH) {
        refused.put("password", "A password has at most " + MAX_PASSWORD_LENGTH + " characters.");
      } else {
        passwordHash = PasswordHash.of(form.getPassword().toCharArray()).encoded();
      }
    }
    int redirectType = current.redirectType();
    if (form.getRedirectType() != null && !form.getRedirectType().isBlank()) {
      redirectType = redirectType(form.getRedirectType(), refused);
    }
    if (!refused.isEmpty()) {
      throw new InvalidLinkException(refused);
    }
    return new LinkValues(
        original,
        alias,
        title,
        tags,
        validFrom,
        validUntil,
        maxVisits,
        fallback,
        passwordHash,
        redirectType,
        form.getForwardQuery() == null ? current.forwardQuery() : form.getForwardQuery(),
        form.getCrawlable() == null ? current.crawlable() : form.getCrawlable(),
        form.getDisabled() == null ? current.disabled() : form.getDisabled());
  }

  /** One tag's name, stripped, as a link's tags must be; else why not (field {@code tags}). */
  public String tag(String name) throws InvalidLinkException {
    Map<String, String> refused = new LinkedHashMap<>();
    List<String> tag = tags(List.of(name == null ? "" : name), refused);
    if (!refused.isEmpty()) {
      throw new InvalidLinkException(refused);
    }
    return tag.get(0);
  }

  /** The tags, stripped, each once (ignoring case), in the order given. */
  static List<String> tags(List<String> given, Map<String, String> refused) {
    List<String> tags = new ArrayList<>();
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String raw : given) {
      String tag = raw == null ? "" : raw.strip();
      if (tag.isEmpty()) {
        refused.put("tags", "A tag cannot be empty.");
        return List.of();
      }
      if (tag.length() > MAX_TAG_LENGTH) {
        refused.put("tags", "A tag has at most " + MAX_TAG_LENGTH + " characters: " + tag);
        return List.of();
      }
      if (tag.chars().anyMatch(c -> Character.isISOControl(c) || c == ',')) {
        refused.put("tags", "A tag cannot contain commas or control characters.");
        return List.of();
      }
      if (seen.add(tag)) {
        tags.add(tag);
      }
    }
    if (tags.size() > MAX_TAGS) {
      refused.put("tags", "A link has at most " + MAX_TAGS + " tags, not " + tags.size() + ".");
      return List.of();
    }
    return List.copyOf(tags);
  }

  /**
   * The instant {@code text} names, read as {@link #apply} reads a link's dates (field {@code
   * field} in the refusal); empty is null. For imports, whose creation dates follow the same rules.
   */
  public Long dateTime(String text, String field) throws InvalidLinkException {
    Map<String, String> refused = new LinkedHashMap<>();
    Long time = time(text, field, refused);
    if (!refused.isEmpty()) {
      throw new InvalidLinkException(refused);
    }
    return time;
  }

  /**
   * A date and time with an offset ({@code 2026-12-31T23:59:00+01:00}, {@code ...Z}), or without
   * one in the admin's zone ({@code 2026-12-31T23:59}, {@code 2026-12-31 23:59}, {@code
   * 2026-12-31}); empty clears it.
   */
  Long time(String text, String field, Map<String, String> refused) {
    String value = text.strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant().toEpochMilli();
    } catch (DateTimeParseException notWithAnOffset) {
      try {
        return instant(value).toEpochMilli();
      } catch (DateTimeException notADate) {
        refused.put(field, "Not a date and time: write it as 2026-12-31 23:59.");
        return null;
      }
    }
  }

  private Instant instant(String local) {
    var parsed = LOCAL.parseBest(local, LocalDateTime::from, LocalDate::from);
    LocalDateTime time =
        parsed instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) parsed;
    return time.atZone(zone).toInstant();
  }

  private static Long maxVisits(String text, Map<String, String> refused) {
    String value = text.strip();
    if (value.isEmpty()) {
      return null;
    }
    try {
      long visits = Long.parseLong(value);
      if (visits > 0 && value.chars().allMatch(Character::isDigit)) {
        return visits;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    refused.put("maxVisits", "Max visits must be a positive whole number.");
    return null;
  }

  private static int redirectType(String text, Map<String, String> refused) {
    try {
      int type = Integer.parseInt(text.strip());
      if (REDIRECT_TYPES.contains(type)) {
        return type;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    refused.put("redirectType", "The redirect type must be 301, 302, 307 or 308.");
    return LinkValues.DEFAULT_REDIRECT_TYPE;
  }

  private static String blankToNull(String text) {
    String value = text.strip();
    return value.isEmpty() ? null : value;
  }
}
