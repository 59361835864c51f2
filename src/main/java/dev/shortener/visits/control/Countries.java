package dev.shortener.visits.control;

import com.maxmind.db.CHMCache;
import com.maxmind.db.Metadata;
import com.maxmind.db.Reader;
import dev.shortener.platform.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The country an address belongs to, from the MaxMind-format (mmdb) database that {@code
 * SHORTENER_GEOIP_DB} names; without one, no address has a country.
 *
 * <p>Two record layouts are in use and both are read: MaxMind's and DB-IP's ({@code
 * country.iso_code}) and ip-location-db's ({@code country_code} at the top). The file is memory
 * mapped, so the heap holds the reader and its cache of decoded records, not the database.
 */
@ApplicationScoped
public class Countries {

  private static final Logger LOG = Logger.getLogger(Countries.class.getName());

  // Written once at start and at shutdown, read by every visit's classification.
  private volatile Reader reader;

  @PostConstruct
  void start() {
    Setting.GEOIP_DB.value().map(Path::of).ifPresent(this::open);
  }

  /**
   * Opens {@code file}; one that is missing or no mmdb database stops the application, as any other
   * bad setting does, rather than leaving every visit without a country unnoticed.
   */
  void open(Path file) {
    try {
      // A country database has a few hundred distinct records, so the cache's 4,096 hold them all.
      reader = new Reader(file.toFile(), new CHMCache());
    } catch (IOException | RuntimeException unreadable) {
      throw new IllegalStateException(
          Setting.GEOIP_DB.environmentVariable()
              + " names "
              + file
              + ", which is not a readable MaxMind-format (mmdb) database: "
              + unreadable.getMessage(),
          unreadable);
    }
    Metadata metadata = reader.getMetadata();
    LOG.info(
        () ->
            "Country database "
                + file
                + ": "
                + metadata.databaseType()
                + ", built "
                + metadata.buildTime());
  }

  @PreDestroy
  void stop() {
    Reader open = reader;
    reader = null;
    if (open != null) {
      try {
        open.close();
      } catch (IOException e) {
        LOG.log(Level.WARNING, "Could not close the country database", e);
      }
    }
  }

  /** Whether a country database is open. */
  public boolean available() {
    return reader != null;
  }

  /**
   * The ISO 3166-1 alpha-2 code (upper case) of the country of the textual IP address, or null when
   * unknown, when no database is configured, or when the text is not an IP literal. Never does a
   * DNS lookup. Thread-safe.
   */
  public String of(String address) {
    Reader database = reader;
    InetAddress literal = address == null ? null : literal(address.strip());
    if (database == null || literal == null) {
      return null;
    }
    try {
      Map<?, ?> record = database.get(literal, Map.class);
      return record == null ? null : code(record);
    } catch (IOException damaged) {
      // A damaged record, or a lookup racing shutdown, costs one visit its country, not its count.
      LOG.log(Level.FINE, "No country for " + address, damaged);
      return null;
    }
  }

  /** The country code of a record in either layout, or null when it has none. */
  static String code(Map<?, ?> record) {
    Object code = record.get("country_code");
    if (code == null && record.get("country") instanceof Map<?, ?> country) {
      code = country.get("iso_code");
    }
    return code instanceof String text && text.length() == 2 ? text.toUpperCase(Locale.ROOT) : null;
  }

  /** The address {@code text} spells, or null when it is no IP literal; never a name lookup. */
  static InetAddress literal(String text) {
    String literal = text;
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (literal.isEmpty() || literal.length() > 45) {
      return null;
    }
    try {
      if (literal.indexOf(':') >= 0) {
        // In brackets the JDK accepts an IPv6 literal only and refuses the rest without a lookup.
        return InetAddress.getByName("[" + literal + "]");
      }
      byte[] ipv4 = ipv4(literal);
      return ipv4 == null ? null : InetAddress.getByAddress(ipv4);
    } catch (UnknownHostException | SecurityException notAnAddress) {
      return null;
    }
  }

  /**
   * The four bytes of a dotted-quad literal, or null. A part with a leading zero is refused: some
   * parsers read it as octal, so it names no address for certain.
   */
  private static byte[] ipv4(String literal) {
    byte[] bytes = new byte[4];
    int part = 0;
    int value = 0;
    int digits = 0;
    for (int i = 0; i <= literal.length(); i++) {
      char c = i < literal.length() ? literal.charAt(i) : '.';
      if (c >= '0' && c <= '9' && !(digits == 1 && value == 0)) {
        value = value * 10 + (c - '0');
        digits++;
        if (value > 255) {
          return null;
        }
      } else if (c == '.' && digits > 0 && part < 4) {
        bytes[part++] = (byte) value;
        value = 0;
        digits = 0;
      } else {
        return null;
      }
    }
    return part == 4 ? bytes : null;
  }
}
