package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.control.LinkCreated;
import dev.shortener.links.control.ShortCodes;
import dev.shortener.links.control.TestRules;
import dev.shortener.platform.SingleWriter;
import dev.shortener.platform.TestDatabase;
import dev.shortener.transfer.control.ImportJob.State;
import dev.shortener.transfer.control.Imports.Kind;
import dev.shortener.transfer.control.Imports.Upload;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Event;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports end to end below the page: a file received, checked and written into a real SQLite
 * database with the migrated schema; the background is a queue the test runs, so that it can act
 * while an import is "running".
 */
class ImportsTest {

  private static final URI ORIGIN = URI.create("https://sho.rt");
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir Path folder;

  private final Imports imports = new Imports();
  private final ShortCodes codes = new ShortCodes("salt", 4);
  private final List<Runnable> background = new ArrayList<>();
  private final List<Long> announced = new ArrayList<>();
  private DataSource database;

  @BeforeEach
  void wire() throws IOException {
    Path data = Files.createDirectory(folder.resolve("data"));
    database = TestDatabase.migrated(data);
    ImportWriter writer = new ImportWriter();
    writer.database = database;
    writer.writer = new SingleWriter();
    imports.writer = writer;
    imports.codes = codes;
    imports.destinations = TestRules.destinations(codes);
    imports.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    imports.folder = data;
    imports.background = queue();
    imports.created = announcer();
  }

  @SuppressWarnings("unchecked")
  private Event<LinkCreated> announcer() {
    return (Event<LinkCreated>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Event.class},
            (proxy, method, args) -> {
              assertEquals("fire", method.getName());
              announced.add(((LinkCreated) args[0]).row().id());
              return null;
            });
  }

  private ManagedExecutorService queue() {
    return (ManagedExecutorService)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ManagedExecutorService.class},
            (proxy, method, args) -> {
              assertEquals("execute", method.getName());
              background.add((Runnable) args[0]);
              return null;
            });
  }

  /** Runs what was started in the background; the job it ran. */
  private ImportJob finish() {
    assertEquals(1, background.size(), "one import started");
    background.remove(0).run();
    ImportJob job = imports.job().orElseThrow();
    assertFalse(job.isRunning());
    return job;
  }

  private ImportJob importNow(boolean dryRun, ImportMapping mapping, boolean renumber) {
    ImportJob job = imports.start(dryRun, mapping, renumber, ORIGIN);
    assertTrue(job.isRunning());
    return finish();
  }

  private Upload receive(String name, byte[] content) throws IOException {
    return imports.receive(new ByteArrayInputStream(content), name);
  }

  private Upload receiveCsv(String csv) throws IOException {
    return receive("links.csv", csv.getBytes(StandardCharsets.UTF_8));
  }

  private byte[] tutorial(String... values) throws SQLException, IOException {
    Path file = folder.resolve("database.db");
    Files.deleteIfExists(file);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = db.createStatement()) {
      sql.execute(TutorialTable.DDL);
      for (String row : values) {
        sql.execute("INSERT INTO \"Url\" VALUES (" + row + ")");
      }
    }
    return Files.readAllBytes(file);
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement run = connection.createStatement()) {
      run.executeUpdate(statement);
    }
  }

  /** Every link here: id, destination, alias and clicks, by id. */
  private Map<Long, String> links() throws SQLException {
    Map<Long, String> links = new LinkedHashMap<>();
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet rows =
            query.executeQuery("SELECT id, original, alias, clicks FROM link ORDER BY id")) {
      while (rows.next()) {
        links.put(
            rows.getLong(1), rows.getString(2) + " " + rows.getString(3) + " " + rows.getLong(4));
      }
    }
    return links;
  }

  private List<String> report() throws IOException {
    return Files.readAllLines(imports.report().orElseThrow());
  }

  @Test
  void theTutorialsRowsKeepTheirIdsAndEveryIdOfTheFileStaysReserved() throws Exception {
    Upload upload =
        receive(
            "database.db",
            tutorial(
                "1, 1620097321000, 'https://example.com/1', 3",
                "5, '2021-05-04 03:02:01', 'https://example.com/5', 0",
                "9, 1620097321000, 'not a link', 7"));
    assertEquals(Kind.TUTORIAL, upload.kind());
    assertEquals(3, upload.tutorialRows());
    assertEquals("database.db", upload.name());

    ImportJob job = importNow(false, null, false);

    assertEquals(State.DONE, job.getState());
    assertEquals(3, job.getTotal());
    assertEquals(3, job.getDone());
    assertEquals(2, job.getImported());
    assertEquals(1, job.getSkipped());
    assertEquals(0, job.getConflicts());
    assertEquals(Map.of("Destination URL refused", 1L), job.getReasons());
    assertEquals("Id 9", job.getProblems().get(0).where());
    assertEquals("not a link", job.getProblems().get(0).destination());
    assertEquals(
        Map.of(1L, "https://example.com/1 null 3", 5L, "https://example.com/5 null 0"), links());
    assertEquals(List.of(1L, 5L), announced, "the redirect cache hears of each link written");
    List<String> report = report();
    assertEquals(ImportReport.HEADER, report.get(0));
    assertEquals(2, report.size());
    assertTrue(report.get(1).startsWith(",9,not a link,skipped,"), report.get(1));

    sql("INSERT INTO link (created, original) VALUES (1, 'https://example.com/next')");
    assertTrue(links().containsKey(10L), "the refused row's id 9 is not handed out: " + links());
  }

  @Test
  void idsTakenHereStopTheImportBeforeAnythingIsWrittenUnlessTheyGetNewCodes() throws Exception {
    sql("INSERT INTO link (id, created, original) VALUES (5, 1, 'https://example.com/here')");
    receive(
        "database.db",
        tutorial("1, 0, 'https://example.com/1', 0", "5, 0, 'https://example.com/5', 2"));

    ImportJob stopped = importNow(false, null, false);
    assertEquals(State.CONFLICT, stopped.getState());
    assertEquals(1, stopped.getConflicts());
    assertTrue(stopped.getFailure().startsWith("1 of the file's ids"), stopped.getFailure());
    assertEquals(0, stopped.getImported());
    assertEquals(List.of(5L), List.copyOf(links().keySet()), "nothing was written");

    ImportJob dryRun = importNow(true, null, false);
    assertEquals(State.DONE, dryRun.getState(), "a dry run says what new codes would do");
    assertEquals(2, dryRun.getImported());
    assertEquals(1, dryRun.getRenumbered());
    assertTrue(dryRun.getProblems().get(0).reason().startsWith("Would get a new code"));
    assertEquals(List.of(5L), List.copyOf(links().keySet()), "a dry run writes nothing");
    assertEquals(List.of(), announced);

    ImportJob renumbered = importNow(false, null, true);
    assertEquals(State.DONE, renumbered.getState());
    assertEquals(2, renumbered.getImported());
    assertEquals(1, renumbered.getRenumbered());
    assertEquals(0, renumbered.getSkipped());
    Map<Long, String> links = links();
    assertEquals("https://example.com/1 null 0", links.get(1L));
    assertEquals("https://example.com/here null 0", links.get(5L), "the link here is untouched");
    assertEquals("https://example.com/5 null 2", links.get(6L), "the file's id 5 got a new one");
    String code = codes.encode(6);
    assertEquals(",5,https://example.com/5,new code," + code, report().get(1));
    assertEquals(
        "New code " + code + ": id 5 was taken.", renumbered.getProblems().get(0).reason());
  }

  @Test
  void aCsvFileIsPreviewedAndADryRunSaysWhatTheImportThenDoes() throws Exception {
    sql(
        "INSERT INTO link (id, created, original, alias)"
            + " VALUES (1, 1, 'https://example.com/here', 'taken')");
    Upload upload =
        receiveCsv(
            "Long URL,Slug,Title,Visits\n"
                + "https://example.com/a,a,A,4\n"
                + "https://example.com/b,a,B,0\n"
                + "not a link,c,C,0\n"
                + "https://example.com/d,taken,D,0\n"
                + "https://example.com/e,,E,x\n"
                + "https://example.com/f,,F,1\n");
    assertEquals(Kind.CSV, upload.kind());
    assertEquals(List.of("Long URL", "Slug", "Title", "Visits"), upload.header());
    assertEquals(Imports.PREVIEW_ROWS, upload.preview().size());
    assertEquals(List.of("https://example.com/a", "a", "A", "4"), upload.preview().get(0));
    assertFalse(upload.export());
    ImportMapping mapping = upload.recognised();
    assertEquals(1, mapping.column(ImportField.ALIAS).orElseThrow());

    ImportJob dryRun = importNow(true, mapping, false);
    assertEquals(State.DONE, dryRun.getState());
    assertEquals(6, dryRun.getTotal());
    assertEquals(2, dryRun.getImported());
    assertEquals(4, dryRun.getSkipped());
    assertEquals(
        Map.of("Alias taken", 2L, "Destination URL refused", 1L, "Clicks refused", 1L),
        dryRun.getReasons());
    assertEquals(
        List.of("Line 4", "Line 6", "Line 3", "Line 5"),
        dryRun.getProblems().stream().map(ImportJob.Problem::where).toList(),
        "a batch's refused rows, then its rows whose alias is taken");
    assertEquals(List.of(1L), List.copyOf(links().keySet()), "a dry run writes nothing");
    List<String> dryReport = report();

    ImportJob imported = importNow(false, mapping, false);
    assertEquals(State.DONE, imported.getState());
    assertEquals(dryRun.getImported(), imported.getImported());
    assertEquals(dryRun.getReasons(), imported.getReasons());
    assertEquals(dryReport, report(), "the dry run's report is the import's");
    assertEquals(
        List.of(
            "https://example.com/here taken 0",
            "https://example.com/a a 4",
            "https://example.com/f null 1"),
        List.copyOf(links().values()));
    assertEquals(List.copyOf(links().keySet()).subList(1, 3), announced, "each link written");
    assertTrue(
        report().contains("3,,https://example.com/b,skipped,The alias a is taken."),
        report().toString());
  }

  @Test
  void theOwnExportsOptionsAndTagsAreStoredAsTheyWere() throws Exception {
    String header = String.join(",", LinkCsv.COLUMNS);
    Upload upload =
        receiveCsv(
            header
                + "\nold,https://sho.rt/old,https://example.com/all,all-options,\"All, of them\","
                + "\"b, a\",2021-01-01T00:00:00Z,2021-02-01T00:00:00Z,5,true,"
                + "2030-01-01T00:00:00Z,2031-01-01T00:00:00Z,7,https://example.com/fallback,"
                + "301,true,false,false\n"
                + "again,https://sho.rt/again,https://example.com/again,all-options,,c,"
                + ",,0,no,,,,,,,,false\n");
    assertTrue(upload.export());
    assertEquals("a CSV file", upload.kind().label());

    ImportJob job = importNow(false, upload.recognised(), false);

    assertEquals(1, job.getImported());
    assertEquals(Map.of("Alias taken", 1L), job.getReasons());
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet link =
            query.executeQuery(
                "SELECT title, created, edited, clicks, disabled, valid_from, valid_until,"
                    + " max_visits, fallback_url, redirect_type, forward_query, crawlable"
                    + " FROM link WHERE alias = 'all-options'")) {
      assertTrue(link.next());
      assertEquals("All, of them", link.getString(1));
      assertEquals(Instant.parse("2021-01-01T00:00:00Z").toEpochMilli(), link.getLong(2));
      assertEquals(Instant.parse("2021-02-01T00:00:00Z").toEpochMilli(), link.getLong(3));
      assertEquals(5, link.getLong(4));
      assertTrue(link.getBoolean(5), "disabled");
      assertEquals(Instant.parse("2030-01-01T00:00:00Z").toEpochMilli(), link.getLong(6));
      assertEquals(Instant.parse("2031-01-01T00:00:00Z").toEpochMilli(), link.getLong(7));
      assertEquals(7, link.getLong(8));
      assertEquals("https://example.com/fallback", link.getString(9));
      assertEquals(301, link.getInt(10));
      assertTrue(link.getBoolean(11), "forward query");
      assertFalse(link.getBoolean(12), "crawlable");
    }
    List<String> tags = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT tag.name FROM tag LEFT JOIN link_tag ON link_tag.tag_id = tag.id"
                    + " ORDER BY tag.name")) {
      while (rows.next()) {
        tags.add(rows.getString(1));
      }
    }
    assertEquals(List.of("a", "b"), tags, "the skipped row's tag c is not made");
  }

  @Test
  void aCancelledImportKeepsTheBatchItWasWriting() throws Exception {
    StringBuilder csv = new StringBuilder("url\n");
    int rows = Imports.BATCH * 2 + 100;
    for (int i = 0; i < rows; i++) {
      csv.append("https://example.com/").append(i).append('\n');
    }
    ImportMapping mapping = receiveCsv(csv.toString()).recognised();
    ImportJob job = imports.start(false, mapping, false, ORIGIN);

    assertThrows(IllegalStateException.class, () -> imports.start(true, mapping, false, ORIGIN));
    assertThrows(IllegalStateException.class, () -> receiveCsv("url\nhttps://example.com/x\n"));
    assertThrows(IllegalStateException.class, imports::discard);
    assertTrue(imports.report().isEmpty(), "no report while running");
    imports.cancel();
    finish();

    assertEquals(State.CANCELLED, job.getState());
    assertEquals(rows, job.getTotal());
    assertEquals(Imports.BATCH, job.getDone());
    assertEquals(Imports.BATCH, job.getImported());
    assertEquals(100 * Imports.BATCH / rows, job.getPercent());
    assertEquals(Imports.BATCH, links().size());
    assertEquals(List.of(ImportReport.HEADER), report());
  }

  @Test
  void aFileNeitherDatabaseNorUtf8TextIsRefusedAndNotKept() throws Exception {
    IllegalArgumentException empty =
        assertThrows(IllegalArgumentException.class, () -> receive("empty.csv", new byte[0]));
    assertEquals("The file is empty.", empty.getMessage());
    IllegalArgumentException binary =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                receive("links.xlsx", new byte[] {'u', 'r', 'l', '\n', (byte) 0xff, (byte) 0xfe}));
    assertTrue(binary.getMessage().contains("save the CSV as UTF-8"), binary.getMessage());
    IllegalArgumentException broken =
        assertThrows(
            IllegalArgumentException.class,
            () -> receive("broken.db", "SQLite format 3\0 and nothing".getBytes()));
    assertTrue(broken.getMessage().contains("not a SQLite database"), broken.getMessage());

    assertTrue(imports.upload().isEmpty());
    try (var left = Files.list(imports.folder)) {
      assertEquals(
          List.of(),
          left.map(file -> file.getFileName().toString())
              .filter(name -> !name.startsWith("shortener.db"))
              .toList(),
          "no upload is kept");
    }
    IllegalStateException nothing =
        assertThrows(IllegalStateException.class, () -> imports.start(false, null, false, ORIGIN));
    assertEquals("Upload a file to import first.", nothing.getMessage());
  }

  @Test
  void aMappingWithoutADestinationIsRefusedBeforeAnythingStarts() throws Exception {
    Upload upload = receiveCsv("name,slug\nA,a\n");
    assertThrows(
        IllegalArgumentException.class,
        () -> imports.start(false, upload.recognised(), false, ORIGIN));
    assertTrue(imports.job().isEmpty());
    assertEquals(List.of(), background);
  }

  @Test
  void textThatIsNotUtf8PastThePreviewFailsTheImportWithoutWritingIt() throws Exception {
    StringBuilder csv = new StringBuilder("url\n");
    while (csv.length() < 256 * 1024) {
      csv.append("https://example.com/").append(csv.length()).append('\n');
    }
    byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[good.length + 2];
    System.arraycopy(good, 0, file, 0, good.length);
    file[good.length] = (byte) 0xc3;
    file[good.length + 1] = '\n';
    Upload upload = receive(" ", file);
    assertEquals("upload", upload.name(), "a blank name");

    ImportJob job = importNow(false, upload.recognised(), false);
    assertEquals(State.FAILED, job.getState());
    assertEquals(
        "The file is not UTF-8 text. Nothing after the rows done was imported.", job.getFailure());
    assertEquals(0, links().size());
  }

  @Test
  void discardingForgetsTheUploadAndDeletesItsFiles() throws Exception {
    receiveCsv("url\nhttps://example.com/a\n");
    importNow(false, imports.upload().orElseThrow().recognised(), false);
    Path report = imports.report().orElseThrow();
    assertTrue(Files.exists(report));

    imports.discard();

    assertTrue(imports.upload().isEmpty());
    assertTrue(imports.job().isEmpty());
    assertFalse(Files.exists(report));
    assertFalse(Files.exists(imports.folder.resolve("import-upload")));
    assertEquals(1, links().size(), "what was imported stays");

    importNow(false, receiveCsv("url\nhttps://example.com/b\n").recognised(), false);
    assertTrue(Files.exists(report));
    receiveCsv("url\nhttps://example.com/c\n");
    assertTrue(imports.job().isEmpty());
    assertFalse(Files.exists(report), "a new upload drops the last report");
  }
}
