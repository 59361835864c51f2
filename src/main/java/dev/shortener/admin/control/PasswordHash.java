package dev.shortener.admin.control;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2 hash of the admin password, so that the clear password is read once at start and
 * never kept, stored or logged; comparing hashes in constant time tells nothing through timing.
 *
 * <p>PBKDF2-HMAC-SHA256 with {@value #ITERATIONS} iterations, OWASP's current advice for it (about
 * a third of a second per try on a server core). A memory-hard hash (Argon2, scrypt) would resist
 * GPUs better, but needs a library beyond the JDK, and the hashes here never leave the process: an
 * attacker can only guess through the login, where {@link LoginThrottle} allows a few tries an
 * hour.
 */
public final class PasswordHash {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  static final int ITERATIONS = 600_000;
  private static final int BITS = 256;

  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(byte[] salt, byte[] hash) {
    this.salt = salt;
    this.hash = hash;
  }

  /** Hashes {@code password} with a fresh random salt. */
  public static PasswordHash of(char[] password) {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return new PasswordHash(salt, derive(password, salt));
  }

  /** Whether {@code candidate} is the password this hash was made from. */
  public boolean matches(char[] candidate) {
    return MessageDigest.isEqual(hash, derive(candidate, salt));
  }

  private static byte[] derive(char[] password, byte[] salt) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
    } finally {
      spec.clearPassword();
    }
  }
}
