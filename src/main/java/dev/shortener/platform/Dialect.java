package dev.shortener.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;

/**
 * The two databases the shortener runs on, SQLite (embedded, the default) and PostgreSQL (several
 * app servers on one database), and every place where their SQL or their handling differs: each
 * concern is one method here, so the rest of the code writes SQL both accept and asks this enum for
 * the few fragments they do not share.
 */
public enum Dialect {
  /** One file in the data directory; one writer at a time. */
  SQLITE {
    @Override
    public String truth(boolean value) {
      // The partial indexes say "= 1"; SQLite uses one only for the very same expression.
      return value ? "1" : "0";
    }

    @Override
    public void textMatch(String text, StringBuilder sql, List<Object> parameters) {
      sql.append("id IN (SELECT rowid FROM link_search WHERE link_search MATCH ?)");
      parameters.add('"' + text.replace("\"", "\"\"") + '"');
    }

    @Override
    public void appendClicks(Connection connection, Map<Long, Long> counts) throws SQLException {
      // In process, a prepared row costs about a microsecond: a JDBC batch is as fast as SQL gets.
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO click (link_id, clicks) VALUES (?, ?)")) {
        for (Map.Entry<Long, Long> count : counts.entrySet()) {
          insert.setLong(1, count.getKey());
          insert.setLong(2, count.getValue());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }

    @Override
    public List<String> foldClicks() {
      // One writer at a time: nothing can append between the two statements of the transaction.
      return List.of(
          "UPDATE link SET clicks = link.clicks + logged.added"
              + " FROM (SELECT link_id, SUM(clicks) AS added FROM click GROUP BY link_id) AS logged"
              + " WHERE link.id = logged.link_id",
          "DELETE FROM click");
    }

    @Override
    DatabasePlatform eclipseLink() {
      return new SQLitePlatform();
    }
  },

  /** A server several app servers share; writers run side by side. */
  POSTGRESQL {
    @Override
    public String truth(boolean value) {
      return value ? "TRUE" : "FALSE";
    }

    @Override
    public void textMatch(String text, StringBuilder sql, List<Object> parameters) {
      // pg_trgm's GIN indexes (see the migrations) answer ILIKE '%...%' without a scan.
      sql.append("(original ILIKE ? OR alias ILIKE ? OR title ILIKE ?)");
      String pattern =
          '%' + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + '%';
      parameters.add(pattern);
      parameters.add(pattern);
      parameters.add(pattern);
    }

    @Override
    public void appendClicks(Connection connection, Map<Long, Long> counts) throws SQLException {
      // One statement for the whole flush: a JDBC batch is a statement per row to the server, and
      // at 20,000 clicked links a second those cost PostgreSQL a good part of a core.
      Long[] ids = new Long[counts.size()];
      Long[] clicks = new Long[counts.size()];
      int row = 0;
      for (Map.Entry<Long, Long> count : counts.entrySet()) {
        ids[row] = count.getKey();
        clicks[row++] = count.getValue();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO click (link_id, clicks)"
                  + " SELECT * FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]))")) {
        insert.setArray(1, connection.createArrayOf("bigint", ids));
        insert.setArray(2, connection.createArrayOf("bigint", clicks));
        insert.executeUpdate();
      }
    }

    @Override
    public List<String> foldClicks() {
      // Another node may append while this one folds: the rows deleted are exactly the rows
      // added, in one statement, so a click appended meanwhile waits for the next fold, and two
      // nodes folding at once each take the rows the other did not.
      return List.of(
          "WITH moved AS (DELETE FROM click RETURNING link_id, clicks),"
              + " logged AS (SELECT link_id, SUM(clicks) AS added FROM moved GROUP BY link_id)"
              + " UPDATE link SET clicks = link.clicks + logged.added FROM logged"
              + " WHERE link.id = logged.link_id");
    }

    @Override
    DatabasePlatform eclipseLink() {
      return new PostgreSQLPlatform();
    }
  };

  /** The dialect of a JDBC URL: SQLite unless it is a {@code jdbc:postgresql:} one. */
  public static Dialect of(String url) {
    if (url == null || url.isBlank() || url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalStateException(
        "SHORTENER_DATABASE_URL is neither a jdbc:sqlite: nor a jdbc:postgresql: URL: "
            + url.split("\\?", 2)[0]);
  }

  /** The dialect of {@link Setting#DATABASE_URL}. */
  public static Dialect configured() {
    return of(Setting.DATABASE_URL.value().orElse(null));
  }

  /** The literal of a flag column's value, as the indexes on flags are written. */
  public abstract String truth(boolean value);

  /**
   * Appends a condition that holds for links whose destination, alias or title contains {@code
   * text} (at least three characters), ignoring case, and its parameters.
   */
  public abstract void textMatch(String text, StringBuilder sql, List<Object> parameters);

  /** Appends a row per link of {@code counts} to the click log; the caller commits. */
  public abstract void appendClicks(Connection connection, Map<Long, Long> counts)
      throws SQLException;

  /**
   * The statements that add the click log to {@code link.clicks} and empty it, in one transaction,
   * never counting a click twice or losing one.
   */
  public abstract List<String> foldClicks();

  /**
   * Makes the rest of the transaction on {@code connection} wait until no other transaction holds
   * {@code key}, and holds it until this one ends: for a read and the write that follows it, which
   * another server's transaction must not come between. Nothing on SQLite, whose one writer is
   * queued anyway.
   */
  public void exclusive(Connection connection, long key) throws SQLException {
    if (this == POSTGRESQL) {
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
        lock.setLong(1, key);
        lock.executeQuery().close();
      }
    }
  }

  /**
   * Makes sure no link id up to {@code highest} is ever handed out, in the caller's transaction:
   * after an import that kept its ids, the ids of its refused rows stay reserved as well.
   */
  public void reserveLinkIds(Connection connection, long highest) throws SQLException {
    if (this == POSTGRESQL) {
      String sequence;
      try (Statement name = connection.createStatement();
          ResultSet row = name.executeQuery("SELECT pg_get_serial_sequence('link', 'id')")) {
        row.next();
        sequence = row.getString(1);
      }
      // Only ever forwards: a server handing out ids meanwhile is never sent back.
      try (PreparedStatement reserve =
          connection.prepareStatement(
              "SELECT setval('" + sequence + "', ?) FROM " + sequence + " WHERE last_value < ?")) {
        reserve.setLong(1, highest);
        reserve.setLong(2, highest);
        reserve.executeQuery().close();
      }
      return;
    }
    // AUTOINCREMENT hands out one more than the larger of this mark and the largest id.
    try (PreparedStatement reserve =
        connection.prepareStatement(
            "UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = 'link'")) {
      reserve.setLong(1, highest);
      if (reserve.executeUpdate() == 0) {
        try (PreparedStatement first =
            connection.prepareStatement(
                "INSERT INTO sqlite_sequence (name, seq) VALUES ('link', ?)")) {
          first.setLong(1, highest);
          first.executeUpdate();
        }
      }
    }
  }

  /** Whether writers must queue for one permit ({@link SingleWriter}). */
  public boolean singleWriter() {
    return this == SQLITE;
  }

  /**
   * Whether other app servers may write the same database, so that what one holds in memory (links,
   * visit counts) can be changed under it: PostgreSQL. SQLite's file belongs to one server.
   */
  public boolean shared() {
    return this == POSTGRESQL;
  }

  /** Where this dialect's Flyway migrations are in the WAR. */
  public String migrations() {
    return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
  }

  /** The platform EclipseLink generates this dialect's SQL with. */
  abstract DatabasePlatform eclipseLink();
}
