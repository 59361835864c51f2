package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A data directory of the first release (src/test/resources/fixtures/release-1), started by this
 * one: upgraded in place on the first start, every code leads to its exact URL, every click counts;
 * and a database a newer release migrated further stops the start with a clear message.
 */
class UpgradeIT {

  private static final Path FIXTURE = Path.of("src/test/resources/fixtures/release-1");

  private static Path dataDirectory(String name) throws IOException {
    Path data =
        Path.of(
                "target",
                "server-runs",
                name + "-data-" + (ServerProcess.onTomee() ? "tomee" : "payara"))
            .toAbsolutePath();
    ServerProcess.deleteTree(data);
    Files.createDirectories(data);
    Files.copy(FIXTURE.resolve("shortener.db"), data.resolve("shortener.db"));
    Files.copy(FIXTURE.resolve("hashids-salt"), data.resolve("hashids-salt"));
    return data;
  }

  /** code, clicks, URL of each fixture link. */
  private static List<String[]> expected() throws IOException {
    return Files.readAllLines(FIXTURE.resolve("expected.tsv")).stream()
        .filter(line -> !line.isBlank())
        .map(line -> line.split("\t", 3))
        .toList();
  }

  @Test
  void aFirstReleaseDataDirectoryKeepsEveryCodeAndClick() throws IOException {
    Path data = dataDirectory("upgrade");
    try (ServerProcess server =
        ServerProcess.start(
            "upgrade", ServerProcess.settings("SHORTENER_DATA_DIR", data.toString()), Map.of())) {
      assertTrue(server.serves(), server.log());
      assertTrue(server.logContains("Database schema at version"), server.log());
      Site visitor = new Site(server.base());
      Admin admin = Admin.signIn(server.base());
      for (String[] link : expected()) {
        String code = link[0];
        // Clicks first: following the link would add one.
        HttpResponse<String> page = admin.page(code);
        Matcher clicks = Pattern.compile("id=\"fact-clicks\">(\\d+)").matcher(page.body());
        assertTrue(clicks.find(), page.body());
        assertEquals(link[1], clicks.group(1), "clicks of " + code);
        HttpResponse<String> redirect = visitor.get("/" + code);
        assertEquals(302, redirect.statusCode(), code);
        assertEquals(
            link[2]
                .replace("ünï/päth?q=ä", "%C3%BCn%C3%AF/p%C3%A4th?q=%C3%A4")
                .replace("bücher.example", "xn--bcher-kva.example")
                .replace("😀", "%F0%9F%98%80"),
            redirect.headers().firstValue("Location").orElseThrow(),
            code);
      }
    }
  }

  @Test
  void aDatabaseOfANewerReleaseStopsTheStart() throws Exception {
    Path data = dataDirectory("downgrade");
    Map<String, String> settings = ServerProcess.settings("SHORTENER_DATA_DIR", data.toString());
    try (ServerProcess upgraded = ServerProcess.start("downgrade-1", settings, Map.of())) {
      assertTrue(upgraded.serves());
    }
    try (Connection database =
            DriverManager.getConnection("jdbc:sqlite:" + data.resolve("shortener.db"));
        Statement insert = database.createStatement()) {
      insert.executeUpdate(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success) VALUES"
              + " (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'test', 1, 1)");
    }
    try (ServerProcess older = ServerProcess.start("downgrade-2", settings, Map.of())) {
      assertFalse(older.serves(), "no request is served on a schema this release does not know");
      assertTrue(
          older.logContains(
              "The database was upgraded by a newer release of the shortener (schema version 99"),
          older.log());
    }
  }
}
