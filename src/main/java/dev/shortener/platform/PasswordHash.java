package dev.shortener.platform;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2 hash of a password (the admin's, a link's), so that the clear password is never
 * kept, stored or logged; comparing hashes in constant time tells nothing through timing.
 *
 * <p>PBKDF2-HMAC-SHA256 with {@value #ITERATIONS} iterations, OWASP's current advice for it (about
 * a third of a second per try on a server core). A memory-hard hash (Argon2, scrypt) would resist
 * GPUs better, but needs a library beyond the JDK; here every guess goes through a throttle that
 * allows a few tries an hour, and a stored hash names its own iterations, so a later release can
 * raise them without breaking the passwords stored before.
 *
 * <p>Stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (Base64).
 */
public final class PasswordHash {

  static final int ITERATIONS = 600_000;

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /** Hashes {@code password} with a fresh random salt. */
  public static PasswordHash of(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
  }

  /** The hash {@link #encoded} wrote, or empty for text that is none. */
  public static Optional<PasswordHash> parse(String encoded) {
    String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      return Optional.empty();
    }
    try {
      Base64.Decoder base64 = Base64.getDecoder();
      return Optional.of(
          new PasswordHash(
              Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3])));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** The hash as text to store. */
  public String encoded() {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return PREFIX
        + "$"
        + iterations
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(hash);
  }

  /** Whether {@code candidate} is the password this hash was made from. */
  public boolean matches(char[] candidate) {
    return MessageDigest.isEqual(hash, derive(candidate, salt, iterations));
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
    } finally {
      spec.clearPassword();
    }
  }
}
