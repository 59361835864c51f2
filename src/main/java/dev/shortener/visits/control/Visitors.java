package dev.shortener.visits.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Who a visitor is, for one day only: the SHA-256 of the day's salt, the address and the user
 * agent, cut to 64 bits. The salt is random, made by whichever server needs it first (table {@code
 * visitor_salt}, shared) and deleted with the day's hashes the next day, so no one, the admin
 * included, can tell whether two days' visitors are the same person, or compute a hash of a known
 * address. As privacy-first web analytics count visitors, without cookies and without storing an
 * address.
 *
 * <p>Used by the flush's one thread only.
 */
final class Visitors {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** The salts of today and yesterday (a flush just after midnight has both days' visits). */
  private final Map<Long, byte[]> salts = new HashMap<>();

  private final MessageDigest sha256;

  Visitors() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  /** The visitor of {@code day} with this address and user agent. */
  long hash(Connection connection, long day, String address, String userAgent) throws SQLException {
    byte[] daySalt = salt(connection, day);
    sha256.reset();
    sha256.update(daySalt);
    sha256.update((byte) 0);
    sha256.update(String.valueOf(address).getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) 0);
    sha256.update(String.valueOf(userAgent).getBytes(StandardCharsets.UTF_8));
    byte[] digest = sha256.digest();
    long hash = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      hash = (hash << 8) | (digest[i] & 0xFF);
    }
    return hash;
  }

  /**
   * The day's salt: remembered, else the stored one, else a new one; a new day also forgets every
   * day before yesterday (yesterday's visits may still be in a flush just after midnight).
   */
  private byte[] salt(Connection connection, long day) throws SQLException {
    byte[] known = salts.get(day);
    if (known != null) {
      return known;
    }
    String stored = stored(connection, day);
    if (stored == null) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO visitor_salt (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING")) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        insert.setLong(1, day);
        insert.setString(2, HexFormat.of().formatHex(fresh));
        insert.executeUpdate();
      }
      stored = stored(connection, day);
      forgetBefore(connection, day - 1);
    }
    salts.keySet().removeIf(other -> other < day - 1);
    byte[] salt = HexFormat.of().parseHex(stored);
    salts.put(day, salt);
    return salt;
  }

  private static String stored(Connection connection, long day) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT salt FROM visitor_salt WHERE day = ?")) {
      query.setLong(1, day);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private static void forgetBefore(Connection connection, long day) throws SQLException {
    for (String table : new String[] {"visitor_salt", "visitor_seen"}) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM " + table + " WHERE day < ?")) {
        delete.setLong(1, day);
        delete.executeUpdate();
      }
    }
  }

  /** Forgets the remembered salts: the transaction that read or made one rolled back. */
  void forget() {
    salts.clear();
  }
}
