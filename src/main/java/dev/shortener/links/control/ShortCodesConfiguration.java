package dev.shortener.links.control;

import dev.shortener.platform.DataDirectory;
import dev.shortener.platform.Database;
import dev.shortener.platform.Dialect;
import dev.shortener.platform.Setting;
import dev.shortener.platform.StoredSalt;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Builds the application's {@link ShortCodes} from {@code SHORTENER_HASHIDS_SALT} and {@code
 * SHORTENER_HASHIDS_MIN_LENGTH}.
 *
 * <p>Without a configured salt, one is generated on first start and kept in {@code hashids-salt} in
 * the data directory, beside the database it belongs to: a changed salt would break every link, so
 * the file is written once and only read after that. The salt is its own secret, shared with
 * nothing.
 *
 * <p>On PostgreSQL, which several app servers share, the salt and the minimum length are in the
 * database instead (table {@code short_codes}): the first server to start stores its own (the
 * configured salt, or a generated one), every later one takes them, and one whose settings say
 * otherwise refuses to start, since it would make other codes for the same links.
 */
@Dependent
public class ShortCodesConfiguration {

  /** The file, inside the data directory, that keeps a generated salt. */
  public static final String SALT_FILE = DataDirectory.SALT_FILE;

  private static final Logger LOG = Logger.getLogger(ShortCodesConfiguration.class.getName());

  @Produces
  @Singleton
  ShortCodes shortCodes() {
    int minLength = Setting.HASHIDS_MIN_LENGTH.intValue();
    if (Dialect.configured() == Dialect.POSTGRESQL) {
      try (Connection connection = Database.openDirectly()) {
        return stored(connection, Setting.HASHIDS_SALT.value(), minLength);
      } catch (SQLException e) {
        throw new IllegalStateException("Could not read the Hashids salt from the database", e);
      }
    }
    return new ShortCodes(salt(), minLength);
  }

  /**
   * The codes of the salt and minimum length stored in the database of {@code connection}
   * (autocommitted, outside any container transaction, so that what is stored is what the codes are
   * made with), storing {@code configured} (or a new salt) and {@code minLength} first if nothing
   * is stored yet.
   */
  static ShortCodes stored(Connection connection, Optional<String> configured, int minLength)
      throws SQLException {
    if (StoredSalt.storeIfAbsent(
        connection, configured.orElseGet(ShortCodesConfiguration::newSalt), minLength)) {
      LOG.info("Stored the Hashids salt and minimum length in the database, for every server");
    }
    String salt;
    int storedLength;
    try (PreparedStatement read =
            connection.prepareStatement("SELECT salt, min_length FROM short_codes WHERE id = 1");
        ResultSet row = read.executeQuery()) {
      row.next();
      salt = row.getString(1);
      storedLength = row.getInt(2);
    }
    if (configured.isPresent() && !configured.get().equals(salt)) {
      throw new IllegalStateException(
          "SHORTENER_HASHIDS_SALT is not the salt this database's links were made with (stored"
              + " in its table short_codes by the first server): every server must make the same"
              + " codes. Set the same salt on every server, or leave it unset to use the stored"
              + " one.");
    }
    if (storedLength != minLength) {
      throw new IllegalStateException(
          "SHORTENER_HASHIDS_MIN_LENGTH is "
              + minLength
              + ", but this database's links were made with "
              + storedLength
              + " (stored in its table short_codes): set it to "
              + storedLength
              + " on every server.");
    }
    return new ShortCodes(salt, storedLength);
  }

  private static String salt() {
    return Setting.HASHIDS_SALT
        .value()
        .orElseGet(() -> readOrCreate(DataDirectory.prepare().resolve(SALT_FILE)));
  }

  /**
   * The salt kept in {@code file}, generated and written there first if the file does not exist.
   * The write is atomic and forced to disk, so a crash leaves either no file or the whole salt. A
   * file that exists but holds no salt (empty, several lines, control characters) stops the start:
   * guessing a new salt would silently break every link.
   */
  static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return parse(file, Files.readString(file, StandardCharsets.UTF_8));
      }
      String salt = newSalt();
      DataDirectory.writeDurably(file, salt + "\n");
      LOG.info(
          () ->
              "Generated a Hashids salt in "
                  + file.toAbsolutePath()
                  + "; back it up with the database, the short links depend on it.");
      return salt;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the Hashids salt " + file, e);
    }
  }

  private static String newSalt() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String parse(Path file, String content) {
    String salt = content.strip();
    String problem = null;
    if (salt.isEmpty()) {
      problem = "is empty";
    } else if (salt.chars().anyMatch(c -> Character.isISOControl(c))) {
      problem = "holds more than one line or control characters";
    }
    if (problem != null) {
      throw new IllegalStateException(
          "The Hashids salt file "
              + file.toAbsolutePath()
              + " "
              + problem
              + ". Restore it from the backup of this data directory (every short link depends on"
              + " it), or delete it only if no link was ever created.");
    }
    return salt;
  }
}
