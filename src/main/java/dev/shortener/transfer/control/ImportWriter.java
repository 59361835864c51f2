package dev.shortener.transfer.control;

import dev.shortener.platform.Database;
import dev.shortener.platform.Dialect;
import dev.shortener.platform.SingleWriter;
import dev.shortener.transfer.control.ImportCheck.Accepted;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The SQL of an import: which ids and aliases are taken already, and a batch of accepted rows
 * written in one transaction, each link with its tags, its creation date and its clicks. The batch
 * holds SQLite's write permit for its own statements only, so that the redirects' click flushes and
 * the links people create go on between batches.
 */
@ApplicationScoped
public class ImportWriter {

  private static final String COLUMNS =
      "created, original, clicks, alias, title, edited, valid_from, valid_until, max_visits,"
          + " fallback_url, redirect_type, forward_query, crawlable, disabled";

  private static final String VALUES = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

  @Inject SingleWriter writer;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  private final Dialect dialect = Dialect.configured();

  /** What became of an accepted row: its id, or null if its id or alias was taken meanwhile. */
  public record Written(Accepted row, Long id) {}

  /** Which of {@code ids} are ids of links here. */
  public Set<Long> takenIds(Collection<Long> ids) throws SQLException {
    return taken("id", new ArrayList<>(ids));
  }

  /** Which of {@code aliases} are links' aliases here. */
  public Set<String> takenAliases(Collection<String> aliases) throws SQLException {
    return taken("alias", new ArrayList<>(aliases));
  }

  @SuppressWarnings("unchecked")
  private <T> Set<T> taken(String column, List<T> values) throws SQLException {
    Set<T> taken = new HashSet<>();
    if (values.isEmpty()) {
      return taken;
    }
    String marks = String.join(", ", values.stream().map(any -> "?").toList());
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT " + column + " FROM link WHERE " + column + " IN (" + marks + ")")) {
      for (int i = 0; i < values.size(); i++) {
        query.setObject(i + 1, values.get(i));
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Object value = rows.getObject(1);
          taken.add((T) (value instanceof Number number ? (Object) number.longValue() : value));
        }
      }
    }
    return taken;
  }

  /**
   * Writes {@code batch} in one transaction: a row that has an id (the tutorial's) keeps it unless
   * the id is in {@code newIds}, the ids taken here that get new codes; every other row gets a new
   * id. A row whose id or alias is taken is not written and refuses no other.
   */
  public List<Written> write(List<Accepted> batch, Set<Long> newIds) throws SQLException {
    List<Written> written = new ArrayList<>(batch.size());
    writer.acquire();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement withId =
              connection.prepareStatement(
                  "INSERT INTO link (id, "
                      + COLUMNS
                      + ") VALUES (?, "
                      + VALUES
                      + ") ON CONFLICT DO NOTHING RETURNING id");
          PreparedStatement withoutId =
              connection.prepareStatement(
                  "INSERT INTO link ("
                      + COLUMNS
                      + ") VALUES ("
                      + VALUES
                      + ") ON CONFLICT DO NOTHING RETURNING id");
          PreparedStatement tag =
              connection.prepareStatement(
                  "INSERT INTO tag (name) VALUES (?) ON CONFLICT DO NOTHING");
          PreparedStatement join =
              connection.prepareStatement(
                  "INSERT INTO link_tag (link_id, tag_id) SELECT ?, id FROM tag WHERE name = ?")) {
        for (Accepted row : batch) {
          Long id = row.row().id();
          boolean keep = id != null && !newIds.contains(id);
          PreparedStatement insert = keep ? withId : withoutId;
          int next = 1;
          if (keep) {
            insert.setLong(next++, id);
          }
          bind(insert, next, row);
          Long stored = null;
          try (ResultSet key = insert.executeQuery()) {
            if (key.next()) {
              stored = key.getLong(1);
            }
          }
          if (stored != null) {
            for (String name : row.values().tags()) {
              tag.setString(1, name);
              tag.executeUpdate();
              join.setLong(1, stored);
              join.setString(2, name);
              join.executeUpdate();
            }
          }
          written.add(new Written(row, stored));
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } finally {
      writer.release();
    }
    return written;
  }

  /** Keeps every id up to {@code highest} from being handed out (see {@link Dialect}). */
  public void reserve(long highest) throws SQLException {
    writer.acquire();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try {
        dialect.reserveLinkIds(connection, highest);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } finally {
      writer.release();
    }
  }

  private static void bind(PreparedStatement insert, int first, Accepted row) throws SQLException {
    var link = row.values();
    insert.setLong(first, row.created());
    insert.setString(first + 1, link.original());
    insert.setLong(first + 2, row.clicks());
    insert.setString(first + 3, link.alias());
    insert.setString(first + 4, link.title());
    Database.setLong(insert, first + 5, row.edited());
    Database.setLong(insert, first + 6, link.validFrom());
    Database.setLong(insert, first + 7, link.validUntil());
    Database.setLong(insert, first + 8, link.maxVisits());
    insert.setString(first + 9, link.fallbackUrl());
    insert.setInt(first + 10, link.redirectType());
    insert.setBoolean(first + 11, link.forwardQuery());
    insert.setBoolean(first + 12, link.crawlable());
    insert.setBoolean(first + 13, link.disabled());
  }
}
