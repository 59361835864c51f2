package dev.shortener.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The one row of table {@code short_codes} of a shared database: the Hashids salt and minimum
 * length that every server makes codes with. Written once, by whoever comes first (the first server
 * to start, or an import of a SQLite data directory), and never changed after that.
 */
public final class StoredSalt {

  private StoredSalt() {}

  /**
   * Stores {@code salt} and {@code minLength} unless the database has them already; true if this
   * call stored them.
   */
  public static boolean storeIfAbsent(Connection connection, String salt, int minLength)
      throws SQLException {
    try (PreparedStatement store =
        connection.prepareStatement(
            "INSERT INTO short_codes (id, salt, min_length) VALUES (1, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING")) {
      store.setString(1, salt);
      store.setInt(2, minLength);
      return store.executeUpdate() == 1;
    }
  }
}
