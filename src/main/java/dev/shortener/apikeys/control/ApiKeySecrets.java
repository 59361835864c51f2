package dev.shortener.apikeys.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes API keys and the form they are stored in. A key is 32 random bytes (256 bits), URL-safe
 * Base64 without padding, so it fits a header, a shell variable and a URL unchanged. With that much
 * randomness no one guesses a key, so a fast SHA-256 is enough to keep the stored form useless to a
 * thief of the database (a slow hash protects weak secrets people choose, which these are not).
 */
public final class ApiKeySecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeySecrets() {}

  /** A new key. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The stored form of {@code key}: its SHA-256, in hex. */
  public static String hash(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java has SHA-256", impossible);
    }
  }
}
