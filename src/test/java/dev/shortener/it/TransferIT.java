package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Moving out: the admin's CSV and JSON exports of every link (every field, clicks, tags, never a
 * password), and a backup that, unpacked into a fresh data directory, is the same shortener.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransferIT {

  private static final String HEADER =
      "code,short_url,destination,alias,title,tags,created,edited,clicks,disabled,valid_from,"
          + "valid_until,max_visits,fallback_url,redirect_type,forward_query,crawlable,"
          + "password_protected";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  private static boolean onPostgresql() {
    return System.getProperty("it.postgresql.port") != null;
  }

  /** The rows of a CSV text (RFC 4180: quotes, doubled quotes, line breaks inside quotes). */
  static List<List<String>> parse(String csv) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertTrue(row.isEmpty() && cell.isEmpty(), "every row ends with CRLF");
    return rows;
  }

  /** The export's rows by code, each as column name to value. */
  static Map<String, Map<String, String>> byCode(String csv) {
    List<List<String>> rows = parse(csv);
    assertEquals(HEADER, String.join(",", rows.get(0)));
    Map<String, Map<String, String>> links = new LinkedHashMap<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(rows.get(0).size(), row.size(), row.toString());
      Map<String, String> link = new LinkedHashMap<>();
      for (int i = 0; i < row.size(); i++) {
        link.put(rows.get(0).get(i), row.get(i));
      }
      assertEquals(null, links.put(link.get("code"), link), "each link once");
    }
    return links;
  }

  private static Map<String, String> withAlias(
      Map<String, Map<String, String>> links, String alias) {
    return links.values().stream()
        .filter(link -> alias.equals(link.get("alias")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + alias));
  }

  static String csv(Admin admin) {
    HttpResponse<String> export = admin.site.get("/admin/links.csv");
    assertEquals(200, export.statusCode());
    assertTrue(
        export.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"),
        export.headers().toString());
    assertEquals(
        "attachment; filename=\"links.csv\"",
        export.headers().firstValue("Content-Disposition").orElseThrow());
    return export.body();
  }

  @Test
  void theCsvExportHasEveryFieldOfEveryLinkAndNoPassword() throws Exception {
    Admin admin = Admin.signIn(base.toURI());
    String alias = "export-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> fields = new HashMap<>();
    fields.put("url", "https://example.com/export?a=1,2");
    fields.put("alias", alias);
    fields.put("title", "Spring, \"sale\"");
    fields.put("tags", "news, q4 2026");
    fields.put("maxVisits", "10");
    fields.put("password", "export-secret-4711");
    fields.put("redirectType", "301");
    admin.createLink(fields);
    String plain =
        URI.create(admin.site.shortLinkOf("https://example.com/export/" + UUID.randomUUID()))
            .getPath()
            .substring(1);
    Site visitor = new Site(base.toURI());
    assertEquals(302, visitor.get("/" + plain).statusCode());
    assertEquals(302, visitor.get("/" + plain).statusCode());

    Map<String, String> full = withAlias(byCode(csv(admin)), alias);
    assertEquals("https://example.com/export?a=1,2", full.get("destination"));
    assertEquals(base.toURI().resolve("/" + alias).toString(), full.get("short_url"));
    assertEquals("Spring, \"sale\"", full.get("title"));
    assertEquals("news, q4 2026", full.get("tags"));
    assertEquals("10", full.get("max_visits"));
    assertEquals("301", full.get("redirect_type"));
    assertEquals("true", full.get("password_protected"));
    assertEquals("false", full.get("disabled"));
    assertEquals("0", full.get("clicks"));
    assertTrue(
        full.get("created").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"));
    assertEquals("", full.get("edited"));
    assertEquals("", full.get("fallback_url"));

    // The click flush runs once a second: the export folds what it wrote.
    Map<String, String> clicked = null;
    for (int attempt = 0; attempt < 150; attempt++) {
      String body = csv(admin);
      assertFalse(body.contains("export-secret-4711"), "no password");
      assertFalse(body.contains("pbkdf2"), "no password hash");
      clicked = byCode(body).get(plain);
      assertNotNull(clicked, plain);
      if ("2".equals(clicked.get("clicks"))) {
        break;
      }
      Thread.sleep(200);
    }
    assertEquals("2", clicked.get("clicks"));
    assertEquals("false", clicked.get("password_protected"));
    assertEquals("", clicked.get("alias"));
  }

  @Test
  void theJsonExportHasTheSameLinksTyped() throws Exception {
    Admin admin = Admin.signIn(base.toURI());
    String alias = "json-" + UUID.randomUUID().toString().substring(0, 8);
    admin.createLink(Map.of("url", "https://example.com/json", "alias", alias, "tags", "b, a"));
    Map<String, Map<String, String>> rows = byCode(csv(admin));
    HttpResponse<String> export = admin.site.get("/admin/links.json");
    assertEquals(200, export.statusCode());
    assertTrue(
        export.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
    JsonArray links = Json.createReader(new StringReader(export.body())).readArray();
    Map<String, JsonObject> byCode = new HashMap<>();
    for (JsonObject link : links.getValuesAs(JsonObject.class)) {
      byCode.put(link.getString("code"), link);
      assertEquals(
          List.copyOf(rows.values().iterator().next().keySet()), List.copyOf(link.keySet()));
    }
    assertTrue(byCode.keySet().containsAll(rows.keySet()), "every link of the CSV");
    JsonObject mine =
        links.getValuesAs(JsonObject.class).stream()
            .filter(link -> !link.isNull("alias") && alias.equals(link.getString("alias")))
            .findFirst()
            .orElseThrow();
    assertEquals("https://example.com/json", mine.getString("destination"));
    assertEquals(List.of("a", "b"), mine.getJsonArray("tags").getValuesAs(JsonString::getString));
    assertTrue(mine.isNull("title"));
    assertEquals(0, mine.getInt("clicks"));
    assertFalse(mine.getBoolean("password_protected"));
    assertEquals(withAlias(rows, alias).get("created"), mine.getString("created"));
  }

  @Test
  void onlyTheSignedInAdminGetsTheExportsAndTheBackup() throws Exception {
    Site stranger = new Site(base.toURI());
    for (String path :
        List.of("/admin/links.csv", "/admin/links.json", "/admin/backup.zip", "/admin/import")) {
      HttpResponse<String> answer = stranger.get(path);
      assertNotEquals(200, answer.statusCode(), path);
      assertFalse(answer.body().contains("https://example.com/"), path);
      assertFalse(answer.body().startsWith(HEADER), path);
    }
  }

  @Test
  void theImportPageOffersTheExportsAndTheRightBackup() throws Exception {
    Admin admin = Admin.signIn(base.toURI());
    HttpResponse<String> page = admin.site.get("/admin/import");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("href=\"/admin/links.csv\""), page.body());
    assertTrue(page.body().contains("href=\"/admin/links.json\""), page.body());
    assertEquals(!onPostgresql(), page.body().contains("href=\"/admin/backup.zip\""));
    assertEquals(onPostgresql(), page.body().contains("pg_dump"));
  }

  @Test
  void aBackupUnpackedIntoAFreshDataDirectoryIsTheSameShortener() throws Exception {
    Admin admin = Admin.signIn(base.toURI());
    HttpResponse<byte[]> backup = admin.site.download("/admin/backup.zip");
    if (onPostgresql()) {
      assertEquals(409, backup.statusCode());
      assertTrue(new String(backup.body()).contains("pg_dump"));
      return;
    }
    String alias = "backup-" + UUID.randomUUID().toString().substring(0, 8);
    admin.createLink(Map.of("url", "https://example.com/backed-up", "alias", alias));
    String code =
        URI.create(admin.site.shortLinkOf("https://example.com/backup/" + UUID.randomUUID()))
            .getPath()
            .substring(1);
    String before = csv(admin);
    backup = admin.site.download("/admin/backup.zip");
    assertEquals(200, backup.statusCode());
    assertTrue(
        backup.headers().firstValue("Content-Type").orElseThrow().startsWith("application/zip"));

    Path data =
        Path.of(
                "target",
                "server-runs",
                "restore-data-" + (ServerProcess.onTomee() ? "tomee" : "payara"))
            .toAbsolutePath();
    ServerProcess.deleteTree(data);
    Files.createDirectories(data);
    List<String> entries = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(backup.body()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.add(entry.getName());
        Files.copy(zip, data.resolve(entry.getName()));
      }
    }
    assertEquals(List.of("shortener.db", "hashids-salt", "backup.properties"), entries);
    Properties settings = new Properties();
    try (var in = Files.newBufferedReader(data.resolve("backup.properties"))) {
      settings.load(in);
    }
    // As README says: the data directory and the minimum length; the salt comes from the file,
    // whereas the test server had it configured. The same time zone, for the same dates.
    try (ServerProcess restored =
        ServerProcess.start(
            "restore",
            ServerProcess.settings(
                "SHORTENER_DATA_DIR",
                data.toString(),
                "SHORTENER_HASHIDS_MIN_LENGTH",
                settings.getProperty("SHORTENER_HASHIDS_MIN_LENGTH"),
                "SHORTENER_TIME_ZONE",
                "Europe/Berlin"),
            Map.of())) {
      assertTrue(restored.serves(), restored.log());
      Admin restoredAdmin = Admin.signIn(restored.base());
      Map<String, Map<String, String>> was = byCode(before);
      Map<String, Map<String, String>> is = byCode(csv(restoredAdmin));
      assertEquals(was.keySet(), is.keySet(), "every link, by its code");
      for (Map.Entry<String, Map<String, String>> link : was.entrySet()) {
        Map<String, String> expected = new LinkedHashMap<>(link.getValue());
        Map<String, String> actual = new LinkedHashMap<>(is.get(link.getKey()));
        expected.remove("short_url");
        actual.remove("short_url");
        assertEquals(expected, actual, link.getKey());
      }
      Site visitor = new Site(restored.base());
      for (String key : List.of(alias, code)) {
        HttpResponse<String> redirect = visitor.get("/" + key);
        assertEquals(302, redirect.statusCode(), key);
      }
      assertEquals(
          "https://example.com/backed-up",
          visitor.get("/" + alias).headers().firstValue("Location").orElseThrow());
      for (String key : was.keySet()) {
        assertNotEquals(404, visitor.head("/" + key).statusCode(), key);
      }
    }
  }
}
