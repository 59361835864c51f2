package dev.shortener.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every knob of the shortener, with its one name and one default.
 *
 * <p>A setting is read from the Java system property {@code shortener.<name>} first (for example
 * {@code -Dshortener.data.dir=/srv/shortener}), then from the environment variable {@code
 * SHORTENER_<NAME>} (for example {@code SHORTENER_DATA_DIR}), then falls back to its default.
 * README.md's configuration table lists the same rows.
 */
public enum Setting {
  /** Name of the single admin account. */
  ADMIN_USER("admin"),
  /** Password of the admin account; without one the admin pages stay closed. */
  ADMIN_PASSWORD(null),
  /** Folder of the SQLite database and the generated Hashids salt. */
  DATA_DIR("./data"),
  /**
   * The database: default the SQLite file {@code shortener.db} in the data directory; a {@code
   * jdbc:postgresql://host:port/name} URL runs on PostgreSQL, which several app servers can share.
   */
  DATABASE_URL(null),
  /** The PostgreSQL user, unless the URL names it. */
  DATABASE_USER(null),
  /** The PostgreSQL user's password, unless the URL has it; never logged. */
  DATABASE_PASSWORD(null),
  /**
   * A SQLite data directory to copy into the PostgreSQL database at start, once, while that
   * database has no links: ids, codes, clicks, tags, API keys and the generated salt come along.
   */
  IMPORT_SQLITE_DIR(null),
  /**
   * Public origin used in the short links shown, e.g. {@code https://sho.rt}; default: the
   * request's.
   */
  BASE_URL(null),
  /** Further host names of this site, comma-separated; links to them are checked for loops. */
  OWN_HOSTS(""),
  /** Hashids salt; default: generated once and kept in the data directory. */
  HASHIDS_SALT(null),
  /** Shortest code Hashids produces; the tutorial used 4. */
  HASHIDS_MIN_LENGTH("4"),
  /** How many short links the redirect cache holds and loads at start (about 230 bytes each). */
  CACHE_SIZE("1000000"),
  /**
   * On a shared database (PostgreSQL), seconds between two readings of every cached link, the net
   * below the notices of other servers' changes.
   */
  CACHE_RECHECK_SECONDS("300"),
  /** Milliseconds between two writes of the counted clicks to the database. */
  CLICK_FLUSH_INTERVAL_MS("1000"),
  /**
   * Whether a reverse proxy in front says who the client is ({@code X-Forwarded-For}) and whether
   * it came over HTTPS ({@code X-Forwarded-Proto}); without a proxy, clients could forge both.
   */
  TRUST_PROXY("false"),
  /** Who may shorten with the home page form: {@code public} (anyone) or {@code admin}. */
  CREATION("public"),
  /** Links one client address may create on the home page per minute. */
  CREATION_PER_MINUTE("10"),
  /** Links one client address may create on the home page per hour. */
  CREATION_PER_HOUR("100"),
  /** A file of blocked destination domains, one a line, subdomains included; reloaded on change. */
  BLOCKLIST_FILE(null),
  /** Whether destinations on loopback, private and link-local addresses are accepted. */
  ALLOW_PRIVATE_TARGETS("false"),
  /** Whether the public home form offers a custom alias. */
  PUBLIC_ALIASES("true"),
  /** Where a disabled or expired link without a fallback of its own sends visitors (302). */
  EXPIRED_URL(null),
  /** The time zone the admin enters and reads dates in, e.g. {@code Europe/Berlin}. */
  TIME_ZONE(null),
  /**
   * A key that becomes the REST API's first {@code admin} key at start, while no key exists yet: a
   * script or container can be provisioned without a browser.
   */
  INITIAL_API_KEY(null),
  /**
   * Web origins whose pages may call the REST API ({@code *} for any, or a comma-separated list
   * such as {@code https://app.shlink.io}). Any is safe by default: the API takes no cookies, only
   * a key the calling page must already have.
   */
  API_CORS_ORIGINS("*"),
  /** Requests one API key may make per minute, refilled evenly over the minute. */
  API_REQUESTS_PER_MINUTE("6000"),
  /** Requests with a missing or wrong API key one client address may make per minute. */
  API_FAILURES_PER_MINUTE("30"),
  /**
   * Whether each visit is recorded for the statistics (who, from where, when), beyond the click
   * count that every visit adds to anyway.
   */
  VISITS("true"),
  /** Whether a visit's browser, operating system and device are recorded (from its user agent). */
  VISIT_USER_AGENT("true"),
  /** Whether a visit's referrer is recorded (its host only, never the full address). */
  VISIT_REFERRER("true"),
  /** Whether a visit's country is recorded, when {@link #GEOIP_DB} names a country database. */
  VISIT_COUNTRY("true"),
  /** Days a single visit is kept; the daily totals are kept for good. */
  VISIT_RETENTION_DAYS("90"),
  /**
   * Visits waiting in memory for the next flush; beyond it a visit is counted as a click and as
   * dropped, not recorded.
   */
  VISIT_QUEUE_SIZE("200000"),
  /** A MaxMind-format (mmdb) country database; without one, no visit has a country. */
  GEOIP_DB(null);

  private final String defaultValue;

  Setting(String defaultValue) {
    this.defaultValue = defaultValue;
  }

  /** The environment variable, e.g. {@code SHORTENER_DATA_DIR}. */
  public String environmentVariable() {
    return "SHORTENER_" + name();
  }

  /** The system property, e.g. {@code shortener.data.dir}. */
  public String systemProperty() {
    return "shortener." + name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The configured value, or empty when neither set nor defaulted. Blank counts as unset. */
  public Optional<String> value() {
    String value = System.getProperty(systemProperty());
    if (value == null || value.isBlank()) {
      value = System.getenv(environmentVariable());
    }
    if (value == null || value.isBlank()) {
      value = defaultValue;
    }
    return Optional.ofNullable(value).map(String::strip);
  }

  /**
   * The value as a positive integer; a malformed value stops the application with a clear message.
   */
  public int intValue() {
    String raw = value().orElseThrow();
    try {
      int parsed = Integer.parseInt(raw);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the setting's name
    }
    throw new IllegalStateException(
        environmentVariable() + " must be a positive whole number, not '" + raw + "'");
  }

  /** The value as {@code true} or {@code false}; anything else stops the application. */
  public boolean booleanValue() {
    return choice("true", "false").equals("true");
  }

  /**
   * The value, which must be one of {@code allowed} (ignoring case); anything else stops the
   * application with a message that lists them.
   */
  public String choice(String... allowed) {
    String raw = value().orElseThrow();
    for (String option : allowed) {
      if (option.equalsIgnoreCase(raw)) {
        return option;
      }
    }
    throw new IllegalStateException(
        environmentVariable()
            + " must be one of "
            + String.join(", ", allowed)
            + ", not '"
            + raw
            + "'");
  }

  /** The comma-separated entries of the value, stripped, without empty ones. */
  public List<String> listValue() {
    return value().stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::strip)
        .filter(entry -> !entry.isEmpty())
        .toList();
  }
}
