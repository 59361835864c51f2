package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisitorsTest {

  @TempDir Path folder;

  private DataSource database;
  private Connection connection;
  private final Visitors visitors = new Visitors();

  @BeforeEach
  void open() throws SQLException {
    database = TestDatabase.migrated(folder);
    connection = database.getConnection();
  }

  private String salt(long day) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet row = query.executeQuery("SELECT salt FROM visitor_salt WHERE day = " + day)) {
      return row.next() ? row.getString(1) : null;
    }
  }

  @Test
  void theSameVisitorOnTheSameDayHasTheSameHashAndAnyDifferenceAnother() throws SQLException {
    long hash = visitors.hash(connection, 100, "192.0.2.1", "agent");
    assertEquals(hash, visitors.hash(connection, 100, "192.0.2.1", "agent"));
    assertNotEquals(hash, visitors.hash(connection, 100, "192.0.2.2", "agent"), "the address");
    assertNotEquals(hash, visitors.hash(connection, 100, "192.0.2.1", "agent2"), "the agent");
    assertNotEquals(
        visitors.hash(connection, 100, "ab", "c"),
        visitors.hash(connection, 100, "a", "bc"),
        "the fields are kept apart");
    assertNotEquals(hash, visitors.hash(connection, 101, "192.0.2.1", "agent"), "another day");
  }

  @Test
  void hashesUseAllSixtyFourBits() throws SQLException {
    Set<Long> hashes = new HashSet<>();
    boolean negative = false;
    boolean highBitsVary = false;
    Set<Long> lowBytes = new HashSet<>();
    long firstHigh = visitors.hash(connection, 7, "198.51.100.0", "a") >>> 40;
    for (int i = 0; i < 200; i++) {
      long hash = visitors.hash(connection, 7, "198.51.100." + i, "a");
      hashes.add(hash);
      negative |= hash < 0;
      highBitsVary |= (hash >>> 40) != firstHigh;
      lowBytes.add(hash & 0xFF);
    }
    assertEquals(200, hashes.size());
    assertTrue(lowBytes.size() > 100, "the low byte comes from the digest too: " + lowBytes);
    assertTrue(negative && highBitsVary, "the top bits come from the digest");
  }

  @Test
  void eachDayHasARandomSaltAndADayLaterTheDayBeforeYesterdayIsForgotten() throws SQLException {
    visitors.hash(connection, 10, "x", "y");
    String first = salt(10);
    assertEquals(64, first.length());
    assertNotEquals("0".repeat(64), first, "random, not zeros");
    visitors.hash(connection, 11, "x", "y");
    assertNotEquals(first, salt(11));
    assertEquals(first, salt(10), "yesterday's salt stays for late visits");
    visitors.hash(connection, 12, "x", "y");
    assertEquals(null, salt(10), "forgotten after a day");
  }

  @Test
  void aForgottenSaltIsReadAgainFromTheDatabase() throws SQLException {
    long hash = visitors.hash(connection, 20, "x", "y");
    try (Statement change = connection.createStatement()) {
      change.executeUpdate(
          "UPDATE visitor_salt SET salt = '" + "ab".repeat(32) + "' WHERE day = 20");
    }
    assertEquals(hash, visitors.hash(connection, 20, "x", "y"), "remembered");
    visitors.forget();
    assertNotEquals(hash, visitors.hash(connection, 20, "x", "y"), "read again after a rollback");
  }
}
