package dev.shortener.links.control;

import dev.shortener.platform.DataDirectory;
import dev.shortener.platform.Setting;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * Builds the application's {@link ShortCodes} from {@code SHORTENER_HASHIDS_SALT} and {@code
 * SHORTENER_HASHIDS_MIN_LENGTH}.
 *
 * <p>Without a configured salt, one is generated on first start and kept in {@code hashids-salt} in
 * the data directory, beside the database it belongs to: a changed salt would break every link, so
 * the file is written once and only read after that. The salt is its own secret, shared with
 * nothing.
 */
@Dependent
public class ShortCodesConfiguration {

  /** The file, inside the data directory, that keeps a generated salt. */
  public static final String SALT_FILE = "hashids-salt";

  private static final Logger LOG = Logger.getLogger(ShortCodesConfiguration.class.getName());

  @Produces
  @Singleton
  ShortCodes shortCodes() {
    return new ShortCodes(salt(), Setting.HASHIDS_MIN_LENGTH.intValue());
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
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
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
