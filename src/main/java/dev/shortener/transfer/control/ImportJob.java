package dev.shortener.transfer.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One import or dry run as the page shows it while it runs and after: rows done of how many, the
 * rate and the time left, and the outcome (imported, skipped by reason, the first problems). Its
 * counters are written by the import's thread and read by the page's, hence volatile; the reasons
 * and problems are read under the job's lock.
 */
public final class ImportJob {

  /** Where the job is. */
  public enum State {
    RUNNING("Running"),
    DONE("Done"),
    CANCELLED("Cancelled"),
    CONFLICT("Stopped: ids taken"),
    FAILED("Failed");

    private final String label;

    State(String label) {
      this.label = label;
    }

    /** The state as the page says it. */
    public String label() {
      return label;
    }
  }

  /** A row the report names, as the page shows the first few. */
  public record Problem(String where, String destination, String reason) {}

  /** The most problems the page lists; the downloadable report has all of them. */
  static final int SHOWN_PROBLEMS = 20;

  private final boolean dryRun;
  private final String file;
  private final long started = System.nanoTime();
  private final AtomicBoolean cancelling = new AtomicBoolean();
  private final Map<String, Long> reasons = new TreeMap<>();
  private final List<Problem> problems = new ArrayList<>();

  private volatile State state = State.RUNNING;
  private volatile long total = -1;
  private volatile long done;
  private volatile long imported;
  private volatile long skipped;
  private volatile long renumbered;
  private volatile long conflicts;
  private volatile long finished;
  private volatile String failure;

  ImportJob(String file, boolean dryRun) {
    this.file = file;
    this.dryRun = dryRun;
  }

  /** Whether this only says what an import would do. */
  public boolean isDryRun() {
    return dryRun;
  }

  /** The name of the file imported. */
  public String getFile() {
    return file;
  }

  public State getState() {
    return state;
  }

  public boolean isRunning() {
    return state == State.RUNNING;
  }

  /** The rows in the file, or -1 while they are being counted. */
  public long getTotal() {
    return total;
  }

  public long getDone() {
    return done;
  }

  /** Rows stored (or, in a dry run, that would be). */
  public long getImported() {
    return imported;
  }

  public long getSkipped() {
    return skipped;
  }

  /** Rows whose id was taken here, stored (or to be) with a new code. */
  public long getRenumbered() {
    return renumbered;
  }

  /** Rows whose id is taken here, found before anything was written. */
  public long getConflicts() {
    return conflicts;
  }

  /** Why the job failed, for the page. */
  public String getFailure() {
    return failure;
  }

  /** Rows a second so far. */
  public long getRate() {
    double seconds = elapsedNanos() / 1e9;
    return seconds <= 0 ? 0 : Math.round(done / seconds);
  }

  /** Seconds until the last row at the rate so far, or -1 if that cannot be told yet. */
  public long getSecondsLeft() {
    long rate = getRate();
    return total < 0 || rate == 0 ? -1 : (total - done + rate - 1) / rate;
  }

  /** Seconds from start to now, or to the end. */
  public long getSeconds() {
    return elapsedNanos() / 1_000_000_000L;
  }

  /** Percent done, for the progress bar. */
  public int getPercent() {
    return total <= 0 ? (state == State.RUNNING ? 0 : 100) : (int) (100 * done / total);
  }

  /** The skipped rows' count by reason, in the reasons' order. */
  public synchronized Map<String, Long> getReasons() {
    return new TreeMap<>(reasons);
  }

  /** The first {@value #SHOWN_PROBLEMS} rows the report names. */
  public synchronized List<Problem> getProblems() {
    return List.copyOf(problems);
  }

  /** Asks the job to stop after the batch it is writing; what it wrote stays. */
  public void cancel() {
    cancelling.set(true);
  }

  boolean cancelRequested() {
    return cancelling.get();
  }

  private long elapsedNanos() {
    long end = finished;
    return (end == 0 ? System.nanoTime() : end) - started;
  }

  void counted(long rows) {
    total = rows;
  }

  void conflicts(long rows) {
    conflicts = rows;
  }

  void progressed(long rows) {
    done += rows;
  }

  void imported() {
    imported++;
  }

  void renumbered(Problem problem) {
    renumbered++;
    remember(problem);
  }

  synchronized void skipped(String kind, Problem problem) {
    skipped++;
    reasons.merge(kind, 1L, Long::sum);
    remember(problem);
  }

  private synchronized void remember(Problem problem) {
    if (problems.size() < SHOWN_PROBLEMS) {
      problems.add(problem);
    }
  }

  void end(State end, String why) {
    failure = why;
    finished = System.nanoTime();
    state = end;
  }
}
