package dev.shortener.visits.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Queries over a list of ids of any length: one query per {@value #MOST} ids, each with an {@code
 * IN} list of marks, so that no query passes the parameter limits of SQLite or a JDBC driver.
 */
final class IdLists {

  static final int MOST = 500;

  /** What is done with each row found. */
  interface Rows {
    void read(ResultSet row) throws SQLException;
  }

  private IdLists() {}

  /**
   * Runs {@code sql}, whose {@code (ids)} stands for the list, for each part of {@code ids}, with
   * {@code first} bound before the ids, and hands each row to {@code rows}.
   */
  static void select(Connection connection, String sql, List<Long> ids, Rows rows, long... first)
      throws SQLException {
    for (int from = 0; from < ids.size(); from += MOST) {
      List<Long> part = ids.subList(from, Math.min(ids.size(), from + MOST));
      String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
      try (PreparedStatement query =
          connection.prepareStatement(sql.replace("(ids)", "(" + marks + ")"))) {
        int index = 1;
        for (long value : first) {
          query.setLong(index++, value);
        }
        for (long id : part) {
          query.setLong(index++, id);
        }
        try (ResultSet row = query.executeQuery()) {
          while (row.next()) {
            rows.read(row);
          }
        }
      }
    }
  }
}
