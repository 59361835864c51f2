package dev.shortener.apikeys.control;

import dev.shortener.apikeys.entity.ApiKey;
import dev.shortener.apikeys.entity.Scope;
import dev.shortener.platform.Database;
import dev.shortener.platform.SingleWriter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The SQL of API keys (table {@code api_key}), with plain JDBC like every other write: each write
 * holds SQLite's one write permit ({@link SingleWriter}) for its statement alone.
 */
@ApplicationScoped
public class ApiKeyStore {

  private static final String COLUMNS = "id, name, scope, created, expires, last_used, revoked";

  @Inject SingleWriter writer;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  /** For the container. */
  protected ApiKeyStore() {}

  /** A store on {@code database}, for a test without a container. */
  public ApiKeyStore(DataSource database, SingleWriter writer) {
    this.database = database;
    this.writer = writer;
  }

  /** Stores a key by its hash and returns what the admin sees of it. */
  public ApiKey insert(String name, Scope scope, String keyHash, long now, Long expires) {
    return write(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO api_key (name, scope, key_hash, created, expires)"
                      + " VALUES (?, ?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, name);
            insert.setString(2, scope.label());
            insert.setString(3, keyHash);
            insert.setLong(4, now);
            Database.setLong(insert, 5, expires);
            try (ResultSet row = insert.executeQuery()) {
              row.next();
              long id = row.getLong(1);
              row.next();
              return new ApiKey(id, name, scope, now, expires, null, null);
            }
          }
        });
  }

  /** The key stored under {@code keyHash}, valid or not. */
  public Optional<ApiKey> byHash(String keyHash) {
    List<ApiKey> found = read("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = ?", keyHash);
    return found.stream().findFirst();
  }

  /** Every key, newest first. */
  public List<ApiKey> all() {
    return read("SELECT " + COLUMNS + " FROM api_key ORDER BY id DESC");
  }

  /** Whether any key was ever made. */
  public boolean any() {
    return !read("SELECT " + COLUMNS + " FROM api_key LIMIT 1").isEmpty();
  }

  /** Revokes key {@code id} at {@code now}; false if there is no such key or it already was. */
  public boolean revoke(long id, long now) {
    return write(
        connection -> {
          try (PreparedStatement revoke =
              connection.prepareStatement(
                  "UPDATE api_key SET revoked = ? WHERE id = ? AND revoked IS NULL")) {
            revoke.setLong(1, now);
            revoke.setLong(2, id);
            return revoke.executeUpdate() == 1;
          }
        });
  }

  /** Notes that key {@code id} was used at {@code now}. */
  public void used(long id, long now) {
    write(
        connection -> {
          try (PreparedStatement used =
              connection.prepareStatement("UPDATE api_key SET last_used = ? WHERE id = ?")) {
            used.setLong(1, now);
            used.setLong(2, id);
            return used.executeUpdate();
          }
        });
  }

  private List<ApiKey> read(String sql, Object... parameters) {
    try (Connection connection = database.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<ApiKey> keys = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          keys.add(
              new ApiKey(
                  rows.getLong(1),
                  rows.getString(2),
                  Scope.of(rows.getString(3)).orElseThrow(),
                  rows.getLong(4),
                  nullable(rows, 5),
                  nullable(rows, 6),
                  nullable(rows, 7)));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the API keys", e);
    }
  }

  private <T> T write(Work<T> work) {
    writer.acquire();
    try (Connection connection = database.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write an API key", e);
    } finally {
      writer.release();
    }
  }

  private static Long nullable(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }
}
