package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.control.ShortCodes;
import dev.shortener.transfer.control.TutorialTable;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving in: the Flask tutorial's own database uploaded on the import page keeps every old short
 * link working; a spreadsheet is imported as its columns are mapped, after a dry run that writes
 * nothing; this shortener's export comes back as it was. Each test starts over, as one import at a
 * time runs per server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ImportIT {

  private static final DateTimeFormatter SQLITE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  @TempDir Path folder;

  private Admin admin;
  private Site visitor;

  @BeforeEach
  void signIn() throws Exception {
    admin = Admin.signIn(base.toURI());
    visitor = new Site(base.toURI());
  }

  @AfterEach
  void startOver() {
    await();
    if (admin.site.get("/admin/import").body().contains("id=\"import-form\"")) {
      assertEquals(302, press("discard", Map.of()).statusCode());
    }
  }

  private static ShortCodes codes() {
    return new ShortCodes(System.getProperty("it.hashids.salt"), 4);
  }

  @Test
  void theFlaskTutorialsDatabaseKeepsEveryOldShortLinkWithItsDateAndClicks() throws Exception {
    // Far above any id the other tests make, and apart from other runs on the same database.
    long first = 10_000_000L * ThreadLocalRandom.current().nextInt(10, 90);
    Instant created = Instant.parse("2021-05-04T03:02:01Z");
    Map<Long, String> kept = new LinkedHashMap<>();
    Map<Long, String> refused = new LinkedHashMap<>();
    Path database = folder.resolve("database.db");
    try (Connection tutorial = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      try (Statement ddl = tutorial.createStatement()) {
        ddl.execute(TutorialTable.DDL);
      }
      try (PreparedStatement row =
          tutorial.prepareStatement(
              "INSERT INTO \"Url\" (\"id\", \"created\", \"original\", \"clicks\")"
                  + " VALUES (?, ?, ?, ?)")) {
        for (long id = first; id < first + 1_000; id++) {
          String url = "https://example.com/tutorial/" + id;
          if (id % 250 == 7) {
            url = "javascript:alert(" + id + ")";
          } else if (id % 250 == 9) {
            url = "ftp://example.com/tutorial/" + id;
          }
          row.setLong(1, id);
          Instant when = created.plusSeconds(id - first);
          // Prisma writes epoch milliseconds; a row added by hand in sqlite3 has SQLite's text.
          if (id % 2 == 0) {
            row.setLong(2, when.toEpochMilli());
          } else {
            row.setString(2, SQLITE_TIME.format(when));
          }
          row.setString(3, url);
          row.setLong(4, id % 10);
          row.addBatch();
          (url.startsWith("https://example.com/") ? kept : refused).put(id, url);
        }
        row.executeBatch();
      }
    }

    upload("database.db", Files.readAllBytes(database));
    String page = admin.site.get("/admin/import").body();
    assertTrue(
        page.contains("the Flask tutorial&#39;s database with 1000 rows")
            || page.contains("the Flask tutorial's database with 1000 rows"),
        page);

    JsonObject done = runAndAwait("run", Map.of());
    assertEquals("DONE", done.getString("state"), done.toString());
    assertEquals(kept.size(), done.getJsonNumber("imported").longValue());
    assertEquals(refused.size(), done.getJsonNumber("skipped").longValue());

    // Before any visit adds a click.
    ShortCodes codes = codes();
    Map<String, Map<String, String>> exported = TransferIT.byCode(TransferIT.csv(admin));
    Map<String, String> even = exported.get(codes.encode(first + 2));
    assertNotNull(even, "the row of epoch milliseconds");
    assertEquals(created.plusSeconds(2), instant(even.get("created")));
    assertEquals("2", even.get("clicks"));
    Map<String, String> odd = exported.get(codes.encode(first + 3));
    assertEquals(created.plusSeconds(3), instant(odd.get("created")), "SQLite's text");
    assertEquals("3", odd.get("clicks"));

    for (Map.Entry<Long, String> link : kept.entrySet()) {
      HttpResponse<String> redirect = visitor.get("/" + codes.encode(link.getKey()));
      assertEquals(302, redirect.statusCode(), "id " + link.getKey());
      assertEquals(link.getValue(), redirect.headers().firstValue("Location").orElseThrow());
    }
    for (long id : refused.keySet()) {
      assertEquals(404, visitor.get("/" + codes.encode(id)).statusCode(), "refused id " + id);
    }

    List<List<String>> report = TransferIT.parse(download("/admin/import/report.csv"));
    assertEquals(List.of("line", "id", "destination", "outcome", "reason"), report.get(0));
    Map<String, List<String>> byId = new HashMap<>();
    report.subList(1, report.size()).forEach(row -> byId.put(row.get(1), row));
    assertEquals(refused.size(), report.size() - 1, "only the rows not imported");
    for (Map.Entry<Long, String> row : refused.entrySet()) {
      List<String> line = byId.get(Long.toString(row.getKey()));
      assertNotNull(line, "report row of id " + row.getKey());
      assertEquals(row.getValue(), line.get(2));
      assertEquals("skipped", line.get(3));
      assertFalse(line.get(4).isBlank(), "why");
    }

    // The ids the tutorial used stay the tutorial's: the next link gets a code of its own.
    String next = admin.createLink(Map.of("url", "https://example.com/after-the-import"));
    assertTrue(codes.decode(next) >= first + 1_000, next + " decodes past the imported ids");
  }

  @Test
  void aTutorialWhoseIdsAreTakenHereImportsNothingUnlessThoseRowsGetNewCodes() throws Exception {
    String existing = admin.createLink(Map.of("url", "https://example.com/here-first"));
    long taken = codes().decode(existing);
    long free = 10_000_000L * ThreadLocalRandom.current().nextInt(91, 99);
    Path database = folder.resolve("taken.db");
    try (Connection tutorial = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement sql = tutorial.createStatement()) {
      sql.execute(TutorialTable.DDL);
      sql.execute(
          "INSERT INTO \"Url\" (\"id\", \"original\") VALUES ("
              + taken
              + ", 'https://example.com/tutorial-taken'), ("
              + free
              + ", 'https://example.com/tutorial-free')");
    }
    byte[] bytes = Files.readAllBytes(database);

    upload("taken.db", bytes);
    JsonObject conflict = runAndAwait("run", Map.of());
    assertEquals("CONFLICT", conflict.getString("state"), conflict.toString());
    assertEquals(0, conflict.getInt("imported"));
    assertEquals(404, visitor.get("/" + codes().encode(free)).statusCode(), "nothing written");
    assertEquals(
        "https://example.com/here-first",
        visitor.get("/" + existing).headers().firstValue("Location").orElseThrow());
    String page = admin.site.get("/admin/import").body();
    assertTrue(page.contains("id=\"import-conflicts\">1<"), page);

    JsonObject renumbered = runAndAwait("run", Map.of("renumber", "on"));
    assertEquals("DONE", renumbered.getString("state"), renumbered.toString());
    assertEquals(2, renumbered.getInt("imported"));
    assertEquals(
        "https://example.com/tutorial-free",
        visitor.get("/" + codes().encode(free)).headers().firstValue("Location").orElseThrow());
    assertEquals(
        "https://example.com/here-first",
        visitor.get("/" + existing).headers().firstValue("Location").orElseThrow(),
        "the link here keeps its code");
    List<List<String>> report = TransferIT.parse(download("/admin/import/report.csv"));
    assertEquals(2, report.size(), report.toString());
    assertEquals("new code", report.get(1).get(3));
    String newCode = report.get(1).get(4);
    assertEquals(
        "https://example.com/tutorial-taken",
        visitor.get("/" + newCode).headers().firstValue("Location").orElseThrow());
  }

  @Test
  void aSpreadsheetIsImportedAsItsColumnsAreMappedAfterADryRunThatWritesNothing() throws Exception {
    String tag = "sheet-" + UUID.randomUUID().toString().substring(0, 8);
    String alias = "sheet-" + UUID.randomUUID().toString().substring(0, 8);
    String csv =
        "Where to,Nickname,Labels,Since\r\n"
            + "https://example.com/sheet/one,"
            + alias
            + ",\""
            + tag
            + ", sheets\",2020-02-03T04:05:06Z\r\n"
            + "https://example.com/sheet/two,,"
            + tag
            + ",\r\n"
            + "ftp://example.com/refused,,,\r\n"
            + "https://example.com/sheet/late,,,not a date\r\n";
    upload("links.csv", csv.getBytes(StandardCharsets.UTF_8));
    String page = admin.site.get("/admin/import").body();
    assertTrue(page.contains("id=\"import-preview\""), page);
    assertTrue(page.contains("https://example.com/sheet/one"), "the first rows are shown");

    // Destination, alias, title, tags, created, clicks: the form's order.
    Map<String, String> mapping = new LinkedHashMap<>();
    mapping.put("map:0:column", "0");
    mapping.put("map:1:column", "1");
    mapping.put("map:2:column", "-1");
    mapping.put("map:3:column", "2");
    mapping.put("map:4:column", "3");
    mapping.put("map:5:column", "-1");

    JsonObject dry = runAndAwait("dry-run", mapping);
    assertEquals("DONE", dry.getString("state"), dry.toString());
    assertTrue(dry.getBoolean("dryRun"));
    assertEquals(2, dry.getInt("imported"));
    assertEquals(2, dry.getInt("skipped"));
    assertEquals(404, visitor.get("/" + alias).statusCode(), "a dry run writes nothing");
    List<List<String>> dryReport = TransferIT.parse(download("/admin/import/report.csv"));
    assertEquals(List.of("4", "5"), List.of(dryReport.get(1).get(0), dryReport.get(2).get(0)));

    JsonObject done = runAndAwait("run", mapping);
    assertEquals("DONE", done.getString("state"), done.toString());
    assertEquals(2, done.getInt("imported"));
    assertEquals(
        "https://example.com/sheet/one",
        visitor.get("/" + alias).headers().firstValue("Location").orElseThrow());
    Map<String, String> one =
        TransferIT.byCode(TransferIT.csv(admin)).values().stream()
            .filter(link -> alias.equals(link.get("alias")))
            .findFirst()
            .orElseThrow();
    assertEquals(Instant.parse("2020-02-03T04:05:06Z"), instant(one.get("created")));
    assertTrue(one.get("tags").contains(tag) && one.get("tags").contains("sheets"), one.toString());

    JsonObject again = runAndAwait("run", mapping);
    assertEquals(1, again.getInt("imported"), "only the row without an alias comes twice");
    assertTrue(
        download("/admin/import/report.csv").contains("The alias " + alias + " is taken."),
        "an alias taken meanwhile is reported, never overwritten");
  }

  @Test
  void thisShortenersOwnExportComesBackAsItWasUnderNewCodes() throws Exception {
    String alias = "export-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> fields = new HashMap<>();
    fields.put("url", "https://example.com/round-trip?q=1");
    fields.put("alias", alias);
    fields.put("title", "=SUM(A1) \"quoted\", with a comma");
    fields.put("tags", "round, trip");
    fields.put("maxVisits", "7");
    fields.put("crawlable", "on");
    admin.createLink(fields);
    assertEquals(302, visitor.get("/" + alias).statusCode());

    // Once the click is flushed, so that the link's export stands still.
    List<List<String>> rows =
        Eventually.until(
            () -> TransferIT.parse(TransferIT.csv(admin)),
            all -> all.stream().anyMatch(row -> row.contains(alias) && row.get(8).equals("1")));
    List<String> header = rows.get(0);
    int aliasColumn = header.indexOf("alias");
    List<String> original =
        rows.stream().filter(row -> alias.equals(row.get(aliasColumn))).findFirst().orElseThrow();
    String moved = alias + "-moved";
    List<String> copy = new ArrayList<>(original);
    copy.set(aliasColumn, moved);
    String csv = csvOf(header) + csvOf(copy);

    upload("links.csv", csv.getBytes(StandardCharsets.UTF_8));
    assertTrue(admin.site.get("/admin/import").body().contains("id=\"import-export\""));
    JsonObject done = runAndAwait("run", Map.of());
    assertEquals(1, done.getInt("imported"), done.toString());

    Map<String, String> before =
        TransferIT.byCode(TransferIT.csv(admin)).values().stream()
            .filter(link -> alias.equals(link.get("alias")))
            .findFirst()
            .orElseThrow();
    Map<String, String> after =
        TransferIT.byCode(TransferIT.csv(admin)).values().stream()
            .filter(link -> moved.equals(link.get("alias")))
            .findFirst()
            .orElseThrow();
    for (String column : header) {
      if (!List.of("code", "short_url", "alias").contains(column)) {
        assertEquals(before.get(column), after.get(column), column);
      }
    }
  }

  @Test
  void aCancelledImportStopsAfterItsBatchAndKeepsWhatItWrote() throws Exception {
    String prefix = "https://example.com/cancel-" + UUID.randomUUID().toString().substring(0, 8);
    int rows = 300_000;
    StringBuilder csv = new StringBuilder(rows * 48).append("url\n");
    for (int i = 0; i < rows; i++) {
      csv.append(prefix).append('/').append(i).append('\n');
    }
    upload("large.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    Map<String, String> mapping = new LinkedHashMap<>();
    for (int field = 0; field < 6; field++) {
      mapping.put("map:" + field + ":column", field == 0 ? "0" : "-1");
    }
    HttpResponse<String> started = press("run", mapping);
    assertEquals(302, started.statusCode(), started.body());

    HttpResponse<String> cancelled =
        admin.site.submit(
            "/admin/import",
            "running",
            "cancel",
            Map.of(),
            Map.of("csrf", admin.site.sessionToken()));
    assertEquals(302, cancelled.statusCode(), cancelled.body());
    JsonObject status = await();

    assertEquals("CANCELLED", status.getString("state"), status.toString());
    long imported = status.getJsonNumber("imported").longValue();
    assertTrue(imported < rows, "stopped before the end: " + status);
    assertEquals(status.getJsonNumber("done").longValue(), imported, "every row read was written");
    long kept =
        TransferIT.byCode(TransferIT.csv(admin)).values().stream()
            .filter(link -> link.get("destination").startsWith(prefix + "/"))
            .count();
    assertEquals(imported, kept, "what the import wrote stays, and nothing more");
  }

  /** An export's date and time, written in the server's zone. */
  private static Instant instant(String exported) {
    return OffsetDateTime.parse(exported).toInstant();
  }

  /** One CSV line as the export writes it. */
  private static String csvOf(List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String cell : cells) {
      quoted.add(cell.matches("[^,\"\r\n]*") ? cell : "\"" + cell.replace("\"", "\"\"") + "\"");
    }
    return String.join(",", quoted) + "\r\n";
  }

  private void upload(String name, byte[] content) {
    HttpResponse<String> sent =
        admin.site.upload(
            "/admin/import/upload", name, content, Map.of("csrf", admin.site.sessionToken()));
    assertEquals(303, sent.statusCode(), sent.body());
    assertTrue(sent.headers().firstValue("Location").orElseThrow().endsWith("/admin/import"));
  }

  private HttpResponse<String> press(String button, Map<String, String> fields) {
    return admin.site.submit(
        "/admin/import", "import-form", button, fields, Map.of("csrf", admin.site.sessionToken()));
  }

  /** Presses {@code button} of the import form and waits for the job it starts to end. */
  private JsonObject runAndAwait(String button, Map<String, String> fields) {
    HttpResponse<String> started = press(button, fields);
    assertEquals(302, started.statusCode(), started.body());
    return await();
  }

  private JsonObject await() {
    JsonObject status =
        Eventually.until(this::status, answer -> !"RUNNING".equals(answer.getString("state")));
    assertFalse("RUNNING".equals(status.getString("state")), "still running: " + status);
    return status;
  }

  private JsonObject status() {
    HttpResponse<String> answer = admin.site.get("/admin/import/status");
    assertEquals(200, answer.statusCode(), answer.body());
    return Json.createReader(new StringReader(answer.body())).readObject();
  }

  private String download(String path) {
    HttpResponse<byte[]> answer = admin.site.download(path);
    assertEquals(200, answer.statusCode());
    return new String(answer.body(), StandardCharsets.UTF_8);
  }
}
