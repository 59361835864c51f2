package dev.shortener.transfer.control;

import dev.shortener.links.boundary.LinkService;
import dev.shortener.links.control.Destinations;
import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkCreated;
import dev.shortener.links.control.LinkRow;
import dev.shortener.links.control.LinkRules;
import dev.shortener.links.control.ShortCodes;
import dev.shortener.platform.DataDirectory;
import dev.shortener.transfer.control.ImportCheck.Accepted;
import dev.shortener.transfer.control.ImportJob.Problem;
import dev.shortener.transfer.control.ImportJob.State;
import dev.shortener.transfer.control.ImportWriter.Written;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The import of this server: the file the admin uploaded, and the one import or dry run that runs
 * in the background on it. One at a time, so that two imports cannot race for the same ids or
 * aliases; the upload and the report are files in the data directory, readable by its owner only.
 *
 * <p>An import reads {@value #BATCH} rows at a time, checks each by the rules of every link ({@link
 * ImportCheck}), and writes the accepted ones in one transaction ({@link ImportWriter}), so that a
 * refused row is never half stored, a cancelled import keeps what it wrote, and the redirects'
 * writes wait for one batch at most. Each link written is announced as {@link LinkCreated}, as one
 * made by the form is, so the redirect cache serves it at once.
 *
 * <p>The tutorial's rows keep their ids (their codes). Before anything is written, the ids already
 * taken here are counted; if there are any, the import stops there unless the admin asked for new
 * codes for them. Afterwards every id the file had, the refused rows' too, stays reserved.
 */
@ApplicationScoped
public class Imports {

  private static final Logger LOG = Logger.getLogger(Imports.class.getName());

  /** Rows checked and written at a time. */
  static final int BATCH = 500;

  /** The largest file taken: ten million links as CSV, with room to spare. */
  public static final long MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;

  /** The rows of an uploaded CSV file the page shows. */
  static final int PREVIEW_ROWS = 5;

  private static final byte[] SQLITE_MAGIC =
      "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private static final String UPLOAD_FILE = "import-upload";
  private static final String REPORT_FILE = "import-report.csv";

  @Inject ImportWriter writer;
  @Inject Destinations destinations;
  @Inject ShortCodes codes;
  @Inject Event<LinkCreated> created;

  @Resource ManagedExecutorService background;

  Clock clock = Clock.systemUTC();

  /** The data directory, where the upload and the report are kept. */
  Path folder;

  private Upload upload;
  private ImportJob job;

  /** What the file uploaded is. */
  public enum Kind {
    TUTORIAL("the Flask tutorial's database"),
    CSV("a CSV file");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The file the admin uploaded: its name and size, what it is, and for a CSV file its header, its
   * first rows, and the mapping its header names.
   */
  public record Upload(
      String name,
      long bytes,
      Kind kind,
      long tutorialRows,
      List<String> header,
      List<List<String>> preview,
      ImportMapping recognised,
      boolean export) {}

  @PostConstruct
  void prepare() {
    folder = DataDirectory.prepare();
  }

  /** The file uploaded, if there is one. */
  public synchronized Optional<Upload> upload() {
    return Optional.ofNullable(upload);
  }

  /** The running or last import, if there is one. */
  public synchronized Optional<ImportJob> job() {
    return Optional.ofNullable(job);
  }

  /**
   * Takes the file {@code in} named {@code name} as the one to import, in place of any other.
   *
   * @throws IllegalArgumentException if it is too large, empty, or neither the tutorial's database
   *     nor CSV text
   * @throws IllegalStateException if an import is running
   */
  public Upload receive(InputStream in, String name) throws IOException {
    synchronized (this) {
      refuseWhileRunning();
      discard();
    }
    Path file = folder.resolve(UPLOAD_FILE);
    Files.deleteIfExists(file);
    DataDirectory.createPrivateFile(file);
    long bytes = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int read; (read = in.read(buffer)) >= 0; ) {
        bytes += read;
        if (bytes > MAX_UPLOAD_BYTES) {
          throw new IllegalArgumentException(
              "The file is larger than " + (MAX_UPLOAD_BYTES >> 30) + " GB.");
        }
        out.write(buffer, 0, read);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    try {
      Upload received = inspect(file, name == null || name.isBlank() ? "upload" : name, bytes);
      synchronized (this) {
        upload = received;
        job = null;
      }
      return received;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  private static Upload inspect(Path file, String name, long bytes) throws IOException {
    if (bytes == 0) {
      throw new IllegalArgumentException("The file is empty.");
    }
    byte[] start = new byte[SQLITE_MAGIC.length];
    try (InputStream in = Files.newInputStream(file)) {
      int read = in.readNBytes(start, 0, start.length);
      if (read == start.length && Arrays.equals(start, SQLITE_MAGIC)) {
        try (TutorialDatabase tutorial = TutorialDatabase.open(file)) {
          return new Upload(
              name, bytes, Kind.TUTORIAL, tutorial.count(), List.of(), List.of(), null, false);
        } catch (SQLException e) {
          throw new IllegalArgumentException("The database cannot be read: " + e.getMessage(), e);
        }
      }
    }
    try (CsvRecords records = csv(file)) {
      List<String> header = records.next();
      if (header == null) {
        throw new IllegalArgumentException("The file has no header row.");
      }
      List<List<String>> preview = new ArrayList<>();
      for (List<String> record;
          preview.size() < PREVIEW_ROWS && (record = records.next()) != null; ) {
        preview.add(record);
      }
      return new Upload(
          name,
          bytes,
          Kind.CSV,
          -1,
          List.copyOf(header),
          List.copyOf(preview),
          ImportMapping.recognise(header),
          ImportMapping.isExport(header));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "The file is neither a SQLite database nor UTF-8 text: save the CSV as UTF-8.", e);
    } catch (CsvRecords.CsvException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static CsvRecords csv(Path file) throws IOException {
    return new CsvRecords(
        new BufferedReader(
            new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            64 * 1024));
  }

  /**
   * Starts an import of the uploaded file in the background, or a dry run that writes nothing.
   *
   * @param mapping the CSV file's columns (ignored for the tutorial's database)
   * @param renumber whether the tutorial's rows whose id is taken here get new codes
   * @param origin this shortener's public origin, for the rule against links to itself
   * @throws IllegalStateException if there is no upload or an import is running
   */
  public synchronized ImportJob start(
      boolean dryRun, ImportMapping mapping, boolean renumber, URI origin) {
    refuseWhileRunning();
    if (upload == null) {
      throw new IllegalStateException("Upload a file to import first.");
    }
    if (upload.kind() == Kind.CSV) {
      mapping.check();
    }
    ImportJob started = new ImportJob(upload.name(), dryRun);
    Upload file = upload;
    ImportCheck check =
        new ImportCheck(new LinkRules(destinations, codes, LinkService.zone()), origin);
    job = started;
    background.execute(() -> run(started, file, mapping, renumber, check));
    return started;
  }

  /** Asks the running import to stop after its current batch. */
  public synchronized void cancel() {
    if (job != null) {
      job.cancel();
    }
  }

  /** Forgets the upload and the last job's report, unless an import is running. */
  public synchronized void discard() {
    refuseWhileRunning();
    upload = null;
    job = null;
    try {
      Files.deleteIfExists(folder.resolve(UPLOAD_FILE));
      Files.deleteIfExists(folder.resolve(REPORT_FILE));
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Could not delete the import's files", e);
    }
  }

  /** The report of the last job, once it has ended. */
  public synchronized Optional<Path> report() {
    return job == null || job.isRunning()
        ? Optional.empty()
        : Optional.of(folder.resolve(REPORT_FILE));
  }

  /** Stops a running import with the application, keeping what it wrote. */
  @PreDestroy
  void stop() {
    cancel();
  }

  private void refuseWhileRunning() {
    if (job != null && job.isRunning()) {
      throw new IllegalStateException("An import is running: wait for it or cancel it.");
    }
  }

  private void run(
      ImportJob job, Upload file, ImportMapping mapping, boolean renumber, ImportCheck check) {
    Path report = folder.resolve(REPORT_FILE);
    long highest = 0;
    boolean wrote = false;
    try (ImportReport out = new ImportReport(report);
        Source source = open(file, mapping)) {
      job.counted(source.count());
      if (file.kind() == Kind.TUTORIAL) {
        long taken = countTaken(source);
        job.conflicts(taken);
        if (taken > 0 && !renumber && !job.isDryRun()) {
          job.end(
              State.CONFLICT,
              taken
                  + " of the file's ids are ids of links here already. Nothing was imported:"
                  + " import them with new codes, or into an empty shortener.");
          return;
        }
        source.rewind();
      }
      Set<String> aliasesSeen = new HashSet<>();
      for (List<ImportRow> rows; !(rows = source.next(BATCH)).isEmpty(); ) {
        List<Accepted> accepted = new ArrayList<>(rows.size());
        long now = clock.millis();
        for (ImportRow row : rows) {
          if (row.id() != null) {
            highest = Math.max(highest, row.id());
          }
          try {
            accepted.add(check.check(row, now));
          } catch (InvalidLinkException refused) {
            String kind = refused.fields().keySet().iterator().next();
            skip(job, out, row, label(kind), ImportCheck.reason(refused));
          }
        }
        Set<Long> takenIds = takenIds(accepted);
        if (job.isDryRun()) {
          pretend(job, out, accepted, takenIds, aliasesSeen);
        } else {
          wrote |= store(job, out, accepted, takenIds);
        }
        job.progressed(rows.size());
        if (job.cancelRequested()) {
          job.end(State.CANCELLED, null);
          break;
        }
      }
      if (highest > 0 && !job.isDryRun()) {
        writer.reserve(highest);
      }
      if (job.isRunning()) {
        job.end(State.DONE, null);
      }
    } catch (IOException | SQLException | RuntimeException e) {
      LOG.log(Level.WARNING, "The import of " + file.name() + " failed", e);
      job.end(State.FAILED, failure(e));
    } finally {
      if (wrote) {
        LOG.info(
            () ->
                "Imported "
                    + job.getImported()
                    + " links from "
                    + file.name()
                    + ", skipped "
                    + job.getSkipped()
                    + ", in "
                    + job.getSeconds()
                    + " s");
      }
    }
  }

  private static String failure(Exception e) {
    if (e instanceof CharacterCodingException) {
      return "The file is not UTF-8 text. Nothing after the rows done was imported.";
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  private long countTaken(Source source) throws IOException, SQLException {
    long taken = 0;
    for (List<ImportRow> rows; !(rows = source.next(BATCH)).isEmpty(); ) {
      List<Long> ids = rows.stream().map(ImportRow::id).toList();
      taken += writer.takenIds(ids).size();
    }
    return taken;
  }

  private Set<Long> takenIds(List<Accepted> accepted) throws SQLException {
    List<Long> ids = new ArrayList<>();
    for (Accepted row : accepted) {
      if (row.row().id() != null) {
        ids.add(row.row().id());
      }
    }
    return writer.takenIds(ids);
  }

  /** Writes {@code accepted} and reports each row not stored as it was; whether any was stored. */
  private boolean store(ImportJob job, ImportReport out, List<Accepted> accepted, Set<Long> taken)
      throws IOException, SQLException {
    if (accepted.isEmpty()) {
      return false;
    }
    boolean stored = false;
    for (Written written : writer.write(accepted, taken)) {
      ImportRow row = written.row().row();
      if (written.id() == null) {
        boolean aliasTaken = written.row().values().alias() != null && !taken.contains(row.id());
        skip(
            job,
            out,
            row,
            aliasTaken ? "Alias taken" : "Id taken",
            aliasTaken
                ? "The alias " + written.row().values().alias() + " is taken."
                : "Id " + row.id() + " is the id of a link here.");
        continue;
      }
      stored = true;
      job.imported();
      created.fire(new LinkCreated(LinkRow.of(written.id(), written.row().values())));
      if (row.id() != null && written.id() != row.id().longValue()) {
        String code = codes.encode(written.id());
        out.row(row, "new code", code);
        job.renumbered(problemOf(row, "New code " + code + ": id " + row.id() + " was taken."));
      }
    }
    return stored;
  }

  /** What {@link #store} would do, for a dry run: aliases and ids taken here or earlier. */
  private void pretend(
      ImportJob job,
      ImportReport out,
      List<Accepted> accepted,
      Set<Long> takenIds,
      Set<String> aliasesSeen)
      throws IOException, SQLException {
    List<String> aliases = new ArrayList<>();
    for (Accepted row : accepted) {
      if (row.values().alias() != null) {
        aliases.add(row.values().alias());
      }
    }
    Set<String> takenAliases = writer.takenAliases(aliases);
    for (Accepted row : accepted) {
      String alias = row.values().alias();
      if (alias != null && (takenAliases.contains(alias) || !aliasesSeen.add(alias))) {
        skip(job, out, row.row(), "Alias taken", "The alias " + alias + " is taken.");
      } else if (row.row().id() != null && takenIds.contains(row.row().id())) {
        job.imported();
        out.row(row.row(), "new code", "Id " + row.row().id() + " is taken here.");
        job.renumbered(
            problemOf(row.row(), "Would get a new code: id " + row.row().id() + " is taken."));
      } else {
        job.imported();
      }
    }
  }

  private static void skip(
      ImportJob job, ImportReport out, ImportRow row, String kind, String reason)
      throws IOException {
    out.row(row, "skipped", reason);
    job.skipped(kind, problemOf(row, reason));
  }

  private static Problem problemOf(ImportRow row, String reason) {
    String where = row.id() == null ? "Line " + row.line() : "Id " + row.id();
    return new Problem(where, row.value(ImportField.DESTINATION), reason);
  }

  private static final Map<String, String> KINDS = kinds();

  private static Map<String, String> kinds() {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put("url", "Destination URL refused");
    kinds.put("fallbackUrl", "Fallback URL refused");
    kinds.put("validFrom", "Valid from refused");
    kinds.put("validUntil", "Valid until refused");
    kinds.put("maxVisits", "Max visits refused");
    kinds.put("redirectType", "Redirect type refused");
    for (ImportField field : ImportField.values()) {
      kinds.putIfAbsent(field.key(), field.label() + " refused");
    }
    return kinds;
  }

  private static String label(String field) {
    return KINDS.getOrDefault(field, "Refused");
  }

  /** The rows of a file, a batch at a time, from the first again after {@link #rewind}. */
  private interface Source extends AutoCloseable {
    long count() throws IOException, SQLException;

    List<ImportRow> next(int limit) throws IOException, SQLException;

    void rewind() throws IOException;

    @Override
    void close() throws IOException;
  }

  private Source open(Upload file, ImportMapping mapping) throws IOException {
    Path path = folder.resolve(UPLOAD_FILE);
    return file.kind() == Kind.TUTORIAL ? new TutorialSource(path) : new CsvSource(path, mapping);
  }

  private static final class TutorialSource implements Source {
    private final TutorialDatabase database;
    private long after;

    TutorialSource(Path file) {
      database = TutorialDatabase.open(file);
    }

    @Override
    public long count() throws SQLException {
      return database.count();
    }

    @Override
    public List<ImportRow> next(int limit) throws SQLException {
      List<ImportRow> rows = database.after(after, limit);
      if (!rows.isEmpty()) {
        after = rows.get(rows.size() - 1).id();
      }
      return rows;
    }

    @Override
    public void rewind() {
      after = 0;
    }

    @Override
    public void close() {
      database.close();
    }
  }

  private static final class CsvSource implements Source {
    private final Path file;
    private final ImportMapping mapping;
    private CsvRecords records;

    CsvSource(Path file, ImportMapping mapping) throws IOException {
      this.file = file;
      this.mapping = mapping;
      rewind();
    }

    @Override
    public long count() throws IOException {
      long rows = 0;
      try (CsvRecords counting = csv(file)) {
        counting.next();
        while (counting.next() != null) {
          rows++;
        }
      }
      return rows;
    }

    @Override
    public List<ImportRow> next(int limit) throws IOException {
      List<ImportRow> rows = new ArrayList<>(limit);
      for (List<String> record; rows.size() < limit && (record = records.next()) != null; ) {
        rows.add(new ImportRow(records.line(), null, mapping.read(record)));
      }
      return rows;
    }

    @Override
    public void rewind() throws IOException {
      close();
      records = csv(file);
      records.next();
    }

    @Override
    public void close() throws IOException {
      if (records != null) {
        records.close();
      }
    }
  }
}
