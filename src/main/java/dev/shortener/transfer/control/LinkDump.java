package dev.shortener.transfer.control;

import dev.shortener.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Every link in id order, a batch at a time by keyset, for the exports: a million links are read as
 * a thousand short queries, none of which holds a snapshot of the database (or SQLite's
 * checkpoints) for the whole download.
 *
 * <p>Clicks are {@code link.clicks}: the caller folds the click log first, as the admin's pages do,
 * so that every click flushed so far is in it.
 */
@ApplicationScoped
public class LinkDump {

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  /** At most {@code size} links with ids above {@code after}, by id, with their tags. */
  public List<ExportedLink> after(long after, int size) {
    try (Connection connection = database.getConnection()) {
      return after(connection, after, size);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the links to export", e);
    }
  }

  static List<ExportedLink> after(Connection connection, long after, int size) throws SQLException {
    List<ExportedLink> links = new ArrayList<>(size);
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, created, edited, original, clicks, alias, title, disabled, valid_from,"
                + " valid_until, max_visits, fallback_url, password_hash IS NOT NULL,"
                + " redirect_type, forward_query, crawlable FROM link WHERE id > ? ORDER BY id"
                + " LIMIT ?")) {
      query.setLong(1, after);
      query.setInt(2, size);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          links.add(
              new ExportedLink(
                  row.getLong(1),
                  row.getLong(2),
                  nullable(row, 3),
                  row.getString(4),
                  row.getLong(5),
                  row.getString(6),
                  row.getString(7),
                  List.of(),
                  row.getBoolean(8),
                  nullable(row, 9),
                  nullable(row, 10),
                  nullable(row, 11),
                  row.getString(12),
                  row.getBoolean(13),
                  row.getInt(14),
                  row.getBoolean(15),
                  row.getBoolean(16)));
        }
      }
    }
    if (links.isEmpty()) {
      return links;
    }
    Map<Long, List<String>> tags =
        tags(connection, links.get(0).id(), links.get(links.size() - 1).id());
    links.replaceAll(link -> link.withTags(tags.getOrDefault(link.id(), List.of())));
    return links;
  }

  /** The tags of the links from {@code first} to {@code last}: one range of link_tag's key. */
  private static Map<Long, List<String>> tags(Connection connection, long first, long last)
      throws SQLException {
    Map<Long, List<String>> tags = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT lt.link_id, t.name FROM link_tag lt JOIN tag t ON t.id = lt.tag_id"
                + " WHERE lt.link_id BETWEEN ? AND ? ORDER BY lt.link_id, t.name")) {
      query.setLong(1, first);
      query.setLong(2, last);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          tags.computeIfAbsent(row.getLong(1), id -> new ArrayList<>()).add(row.getString(2));
        }
      }
    }
    return tags;
  }

  private static Long nullable(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
