package dev.shortener.links.control;

import dev.shortener.platform.Database;
import dev.shortener.platform.Dialect;
import dev.shortener.platform.Permits;
import dev.shortener.platform.SingleWriter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;

/**
 * The SQL that writes links, with plain JDBC on a connection of its own: each write holds SQLite's
 * one write permit ({@link SingleWriter}) only for its own statements, where a JPA transaction
 * would hold it through EclipseLink's flush and the container's commit (bench/run.sh measured that
 * at a third of the creation rate).
 *
 * <p>Creations that queue are written together, one transaction for all of them ({@link #insert});
 * an edit and a deletion are one transaction each. A taken alias is reported as {@link
 * AliasTakenException} from the unique index, so two creations of the same alias at once cannot
 * both succeed.
 */
@ApplicationScoped
public class LinkStore {

  private static final String COLUMNS =
      "created, original, clicks, alias, title, valid_from, valid_until, max_visits,"
          + " fallback_url, password_hash, redirect_type, forward_query, crawlable, disabled";

  @Inject SingleWriter writer;

  private final Dialect dialect = Dialect.configured();

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  /**
   * Stores a new link created at {@code now} and returns its id once it is committed.
   *
   * <p>Creations that arrive while others are being written wait in {@link #waiting}; whoever gets
   * a turn next writes all of them in one transaction. A commit is most of an insert's cost: on
   * SQLite about 290 µs autocommitted against 55 µs in a batch; on PostgreSQL the round trips
   * around the insert (the pool's check, the commit), each a wake-up of a database process. One
   * transaction per link, each with a savepoint, took about 1 ms of PostgreSQL's CPU per link
   * (bench/postgresql.sh, 914 links/s); batched, 0.3 ms. A lone creation still commits at once.
   * SQLite's turn is its one write permit ({@link SingleWriter}); on PostgreSQL {@value
   * #POSTGRESQL_TURNS} batches are written at once, so that one waiting on a lock (an alias another
   * server is inserting) does not hold up every other.
   */
  public long insert(LinkValues link, long now) throws AliasTakenException {
    WaitingInsert mine = new WaitingInsert(link, now);
    waiting.add(mine);
    while (!mine.isDone()) {
      List<WaitingInsert> batch;
      takeTurn();
      try {
        batch = drainWaiting();
        if (!batch.isEmpty()) {
          try {
            insert(batch);
          } finally {
            batch.forEach(WaitingInsert::finish);
          }
        }
      } finally {
        endTurn();
      }
      if (batch.isEmpty()) {
        // Another turn took this creation along and is writing it.
        mine.awaitDone();
      }
    }
    if (mine.aliasTaken) {
      throw new AliasTakenException();
    }
    if (mine.failure != null) {
      throw new IllegalStateException("Could not write a link", mine.failure);
    }
    return mine.id;
  }

  private void takeTurn() {
    if (writer.serializes()) {
      writer.acquire();
    } else {
      postgresqlTurns.acquire();
    }
  }

  private void endTurn() {
    if (writer.serializes()) {
      writer.release();
    } else {
      postgresqlTurns.release();
    }
  }

  /**
   * Writes {@code batch} in one transaction. A taken alias inserts nothing ({@code ON CONFLICT DO
   * NOTHING}) and refuses only its own creation, with no savepoint per row. Should the transaction
   * fail otherwise, each creation is tried again alone, so that one bad row fails no other.
   */
  private void insert(List<WaitingInsert> batch) {
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO link ("
                  + COLUMNS
                  + ") VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " ON CONFLICT DO NOTHING RETURNING id")) {
        for (WaitingInsert one : batch) {
          insertOne(connection, insert, one);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      if (batch.size() > 1) {
        batch.forEach(one -> insert(List.of(one)));
        return;
      }
      WaitingInsert one = batch.get(0);
      one.aliasTaken = false;
      one.failure = e;
    }
  }

  private List<WaitingInsert> drainWaiting() {
    List<WaitingInsert> batch = new ArrayList<>();
    for (WaitingInsert next; batch.size() < MAX_BATCH && (next = waiting.poll()) != null; ) {
      batch.add(next);
    }
    return batch;
  }

  private static void insertOne(Connection connection, PreparedStatement insert, WaitingInsert one)
      throws SQLException {
    insert.setLong(1, one.now);
    insert.setString(2, one.link.original());
    bindOptions(insert, 3, one.link);
    try (ResultSet row = insert.executeQuery()) {
      one.aliasTaken = !row.next();
      if (one.aliasTaken) {
        return;
      }
      one.id = row.getLong(1);
    }
    writeTags(connection, one.id, one.link.tags());
  }

  /** The most creations one transaction writes. */
  private static final int MAX_BATCH = 256;

  /**
   * How many batches PostgreSQL is given at once: 4 and 1 made the same rate on 2 cores, 4 with
   * half as much of PostgreSQL's CPU again per link (smaller batches).
   */
  static final int POSTGRESQL_TURNS = 2;

  private final Permits postgresqlTurns =
      new Permits(POSTGRESQL_TURNS, Duration.ofSeconds(30), "a turn to write links");

  private final Queue<WaitingInsert> waiting = new ConcurrentLinkedQueue<>();

  /**
   * A creation waiting to be written, and what became of it. Its fields are written by the thread
   * whose turn wrote it, before {@link #finish}, and read by its own thread after {@link
   * #awaitDone} or {@link #isDone} saw that.
   */
  private static final class WaitingInsert {
    final LinkValues link;
    final long now;
    private final CountDownLatch written = new CountDownLatch(1);
    long id;
    boolean aliasTaken;
    Exception failure;

    WaitingInsert(LinkValues link, long now) {
      this.link = link;
      this.now = now;
    }

    void finish() {
      written.countDown();
    }

    boolean isDone() {
      return written.getCount() == 0;
    }

    void awaitDone() {
      try {
        written.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while a link was written", e);
      }
    }
  }

  /** Replaces everything of link {@code id} but its id, creation time and clicks. */
  public boolean update(long id, LinkValues link, long now) throws AliasTakenException {
    return write(
        connection -> {
          int changed;
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE link SET original = ?, alias = ?, title = ?, valid_from = ?,"
                      + " valid_until = ?, max_visits = ?, fallback_url = ?, password_hash = ?,"
                      + " redirect_type = ?, forward_query = ?, crawlable = ?, disabled = ?,"
                      + " edited = ? WHERE id = ?")) {
            update.setString(1, link.original());
            bindOptions(update, 2, link);
            update.setLong(13, now);
            update.setLong(14, id);
            changed = update.executeUpdate();
          }
          if (changed == 1) {
            try (PreparedStatement clear =
                connection.prepareStatement("DELETE FROM link_tag WHERE link_id = ?")) {
              clear.setLong(1, id);
              clear.executeUpdate();
            }
            writeTags(connection, id, link.tags());
          }
          return changed == 1;
        });
  }

  /** Deletes link {@code id}; its id is never handed out again. */
  public boolean delete(long id) {
    return transaction(
        connection -> {
          try (PreparedStatement tags =
                  connection.prepareStatement("DELETE FROM link_tag WHERE link_id = ?");
              PreparedStatement link =
                  connection.prepareStatement("DELETE FROM link WHERE id = ?")) {
            tags.setLong(1, id);
            tags.executeUpdate();
            link.setLong(1, id);
            return link.executeUpdate() == 1;
          }
        });
  }

  /** What renaming a tag came to. */
  public enum Renamed {
    DONE,
    NO_SUCH_TAG,
    NAME_TAKEN
  }

  /** Renames tag {@code from} to {@code to} on every link that has it. */
  public Renamed renameTag(String from, String to) {
    return transaction(
        connection -> {
          if (from.equals(to)) {
            return tagExists(connection, from) ? Renamed.DONE : Renamed.NO_SUCH_TAG;
          }
          if (!tagExists(connection, from)) {
            return Renamed.NO_SUCH_TAG;
          }
          if (tagExists(connection, to)) {
            return Renamed.NAME_TAKEN;
          }
          try (PreparedStatement rename =
              connection.prepareStatement("UPDATE tag SET name = ? WHERE name = ?")) {
            rename.setString(1, to);
            rename.setString(2, from);
            rename.executeUpdate();
          }
          return Renamed.DONE;
        });
  }

  /** Takes the tags named from every link and forgets them; unknown names are ignored. */
  public void deleteTags(List<String> names) {
    transaction(
        connection -> {
          try (PreparedStatement links =
                  connection.prepareStatement(
                      "DELETE FROM link_tag WHERE tag_id IN (SELECT id FROM tag WHERE name = ?)");
              PreparedStatement tag =
                  connection.prepareStatement("DELETE FROM tag WHERE name = ?")) {
            for (String name : names) {
              links.setString(1, name);
              links.executeUpdate();
              tag.setString(1, name);
              tag.executeUpdate();
            }
          }
          return null;
        });
  }

  private static boolean tagExists(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM tag WHERE name = ?")) {
      query.setString(1, name);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    }
  }

  /** The visits of link {@code id} written so far: its column plus the click log not folded yet. */
  public long writtenVisits(long id) {
    try (Connection connection = database.getConnection();
        PreparedStatement visits =
            connection.prepareStatement(
                "SELECT clicks + COALESCE((SELECT SUM(clicks) FROM click WHERE link_id = ?), 0)"
                    + " FROM link WHERE id = ?")) {
      visits.setLong(1, id);
      visits.setLong(2, id);
      try (ResultSet row = visits.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the visits of link " + id, e);
    }
  }

  /** The most crawlable links robots.txt lists. */
  static final int MAX_CRAWLABLE = 50_000;

  /** A link search engines may index: its id, and its alias if it has one. */
  public record Crawlable(long id, String alias) {}

  /** The enabled links marked crawlable, newest first, at most {@value #MAX_CRAWLABLE}. */
  public List<Crawlable> crawlable() {
    List<Crawlable> crawlable = new ArrayList<>();
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT id, alias FROM link WHERE crawlable = "
                    + dialect.truth(true)
                    + " AND disabled = "
                    + dialect.truth(false)
                    + " ORDER BY id DESC LIMIT "
                    + MAX_CRAWLABLE);
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        crawlable.add(new Crawlable(rows.getLong(1), rows.getString(2)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the crawlable links", e);
    }
    return crawlable;
  }

  /** Every alias and the id of its link. */
  public Map<String, Long> aliases() {
    Map<String, Long> aliases = new HashMap<>();
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT alias, id FROM link WHERE alias IS NOT NULL");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        aliases.put(rows.getString(1), rows.getLong(2));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the aliases", e);
    }
    return aliases;
  }

  private static void bindOptions(PreparedStatement statement, int first, LinkValues link)
      throws SQLException {
    statement.setString(first, link.alias());
    statement.setString(first + 1, link.title());
    Database.setLong(statement, first + 2, link.validFrom());
    Database.setLong(statement, first + 3, link.validUntil());
    Database.setLong(statement, first + 4, link.maxVisits());
    statement.setString(first + 5, link.fallbackUrl());
    statement.setString(first + 6, link.passwordHash());
    statement.setInt(first + 7, link.redirectType());
    statement.setBoolean(first + 8, link.forwardQuery());
    statement.setBoolean(first + 9, link.crawlable());
    statement.setBoolean(first + 10, link.disabled());
  }

  private static void writeTags(Connection connection, long id, List<String> tags)
      throws SQLException {
    if (tags.isEmpty()) {
      return;
    }
    try (PreparedStatement name =
            connection.prepareStatement(
                "INSERT INTO tag (name) VALUES (?) ON CONFLICT DO NOTHING");
        PreparedStatement join =
            connection.prepareStatement(
                "INSERT INTO link_tag (link_id, tag_id) SELECT ?, id FROM tag WHERE name = ?")) {
      for (String tag : tags) {
        name.setString(1, tag);
        name.executeUpdate();
        join.setLong(1, id);
        join.setString(2, tag);
        join.executeUpdate();
      }
    }
  }

  /** Runs {@code work} in a transaction of its own, for writes that set no alias. */
  private <T> T transaction(Work<T> work) {
    try {
      return write(work);
    } catch (AliasTakenException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** SQL run by {@link #write}. */
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} holding the write permit, in a transaction of its own. */
  private <T> T write(Work<T> work) throws AliasTakenException {
    writer.acquire();
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      if (isUniqueAliasViolation(e)) {
        throw new AliasTakenException();
      }
      throw new IllegalStateException("Could not write a link", e);
    } finally {
      writer.release();
    }
  }

  /** SQLite: "UNIQUE constraint failed: link.alias"; PostgreSQL: state 23505 on link_alias. */
  private static boolean isUniqueAliasViolation(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("link.alias") || message.contains("link_alias");
  }

  /** The alias asked for belongs to another link already. */
  public static class AliasTakenException extends Exception {
    private static final long serialVersionUID = 1L;
  }
}
