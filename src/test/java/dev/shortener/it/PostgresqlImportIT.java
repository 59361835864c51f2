package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.control.ShortCodes;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A first release's SQLite data directory (the fixture UpgradeIT starts on) moved into an empty
 * PostgreSQL database with {@code SHORTENER_IMPORT_SQLITE_DIR}: every code leads where it did, with
 * its clicks, under the directory's own salt, and the next link gets an id no link had.
 */
@EnabledIfSystemProperty(named = "it.postgresql.port", matches = "\\d+")
class PostgresqlImportIT {

  private static final Path FIXTURE = Path.of("src/test/resources/fixtures/release-1");

  @Test
  void everyCodeAndClickOfASqliteDataDirectoryKeepsWorkingOnPostgresql() throws Exception {
    Path data =
        Path.of(
                "target",
                "server-runs",
                "import-data-" + (ServerProcess.onTomee() ? "tomee" : "payara"))
            .toAbsolutePath();
    ServerProcess.deleteTree(data);
    Files.createDirectories(data);
    Files.copy(FIXTURE.resolve("shortener.db"), data.resolve("shortener.db"));
    Files.copy(FIXTURE.resolve("hashids-salt"), data.resolve("hashids-salt"));
    String database = "import_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = ClusterIT.connect("postgres");
        Statement create = admin.createStatement()) {
      create.execute("CREATE DATABASE " + database);
    }
    Map<String, String> settings =
        ServerProcess.settings(
            "SHORTENER_DATABASE_URL",
            ClusterIT.url(database),
            "SHORTENER_DATABASE_USER",
            "shortener",
            "SHORTENER_DATABASE_PASSWORD",
            System.getProperty("it.postgresql.password"),
            "SHORTENER_IMPORT_SQLITE_DIR",
            data.toString(),
            "SHORTENER_DATA_DIR",
            data.resolve("unused").toString());
    List<String[]> expected =
        Files.readAllLines(FIXTURE.resolve("expected.tsv")).stream()
            .filter(line -> !line.isBlank())
            .map(line -> line.split("\t", 3))
            .toList();
    try (ServerProcess server = ServerProcess.start("import", settings, Map.of())) {
      assertTrue(server.serves(), server.log());
      assertTrue(server.logContains("Imported "), server.log());
      Site visitor = new Site(server.base());
      Admin admin = Admin.signIn(server.base());
      for (String[] link : expected) {
        HttpResponse<String> page = admin.page(link[0]);
        Matcher clicks = Pattern.compile("id=\"fact-clicks\">(\\d+)").matcher(page.body());
        assertTrue(clicks.find(), page.body());
        assertEquals(link[1], clicks.group(1), "clicks of " + link[0]);
        HttpResponse<String> redirect = visitor.get("/" + link[0]);
        assertEquals(302, redirect.statusCode(), link[0]);
        assertEquals(
            link[2]
                .replace("ünï/päth?q=ä", "%C3%BCn%C3%AF/p%C3%A4th?q=%C3%A4")
                .replace("bücher.example", "xn--bcher-kva.example")
                .replace("😀", "%F0%9F%98%80"),
            redirect.headers().firstValue("Location").orElseThrow(),
            link[0]);
      }
      String made = visitor.shortLinkOf("https://example.com/after-the-import");
      ShortCodes codes =
          new ShortCodes(Files.readString(FIXTURE.resolve("hashids-salt")).strip(), 4);
      assertEquals(
          expected.size() + 1,
          codes.decode(made.substring(made.lastIndexOf('/') + 1)),
          "the next id, under the imported salt");
    }
    try (ServerProcess again = ServerProcess.start("import-again", settings, Map.of())) {
      assertTrue(again.serves(), again.log());
      assertTrue(again.logContains("Not importing"), "a database with links is left alone");
    }
  }
}
