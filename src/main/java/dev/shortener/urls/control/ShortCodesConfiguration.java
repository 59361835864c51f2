package dev.shortener.urls.control;

import dev.shortener.platform.Setting;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        .orElseGet(() -> readOrCreate(Path.of(Setting.DATA_DIR.value().orElseThrow(), SALT_FILE)));
  }

  static String readOrCreate(Path file) {
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String salt = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), SALT_FILE, ".tmp");
      Files.writeString(temporary, salt + "\n", StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
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
}
