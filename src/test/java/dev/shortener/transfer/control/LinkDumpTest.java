package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkDumpTest {

  @TempDir Path folder;

  private LinkDump dump;

  @BeforeEach
  void links() throws SQLException {
    DataSource database = TestDatabase.migrated(folder);
    try (Connection connection = database.getConnection();
        Statement sql = connection.createStatement()) {
      sql.executeUpdate(
          "INSERT INTO link (id, created, original, clicks) VALUES (1, 1000, 'https://a.example/',"
              + " 3)");
      sql.executeUpdate(
          "INSERT INTO link (id, created, original, alias, title, edited, disabled, valid_from,"
              + " valid_until, max_visits, fallback_url, password_hash, redirect_type,"
              + " forward_query, crawlable) VALUES (2, 2000, 'https://b.example/', 'bee', 'B',"
              + " 2500, 1, 10, 20, 30, 'https://fallback.example/', 'pbkdf2$secret', 301, 1, 1)");
      sql.executeUpdate(
          "INSERT INTO link (id, created, original) VALUES (5, 5000, 'https://c.example/')");
      sql.executeUpdate("INSERT INTO tag (id, name) VALUES (1, 'zeta'), (2, 'alpha')");
      sql.executeUpdate("INSERT INTO link_tag (link_id, tag_id) VALUES (2, 1), (2, 2), (5, 1)");
    }
    dump = new LinkDump();
    dump.database = database;
  }

  @Test
  void linksComeInIdOrderABatchAtATime() {
    List<ExportedLink> first = dump.after(0, 2);
    assertEquals(List.of(1L, 2L), first.stream().map(ExportedLink::id).toList());
    List<ExportedLink> rest = dump.after(2, 2);
    assertEquals(List.of(5L), rest.stream().map(ExportedLink::id).toList());
    assertEquals(List.of(), dump.after(5, 2));
  }

  @Test
  void everyFieldIsReadWithTheTagsByNameAndNoPassword() {
    ExportedLink plain = dump.after(0, 1).get(0);
    assertEquals("https://a.example/", plain.original());
    assertEquals(3, plain.clicks());
    assertNull(plain.alias());
    assertNull(plain.edited());
    assertNull(plain.maxVisits());
    assertEquals(List.of(), plain.tags());
    assertFalse(plain.passwordProtected());
    assertEquals(302, plain.redirectType());

    ExportedLink full = dump.after(1, 1).get(0);
    assertEquals(
        new ExportedLink(
            2,
            2000,
            2500L,
            "https://b.example/",
            0,
            "bee",
            "B",
            List.of("alpha", "zeta"),
            true,
            10L,
            20L,
            30L,
            "https://fallback.example/",
            true,
            301,
            true,
            true),
        full);
    assertEquals(List.of("zeta"), dump.after(2, 5).get(0).tags());
    assertTrue(full.passwordProtected());
  }
}
