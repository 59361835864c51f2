package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.transfer.control.ImportJob.Problem;
import dev.shortener.transfer.control.ImportJob.State;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportJobTest {

  private static Problem problem(int i) {
    return new Problem("Line " + i, "https://example.com/" + i, "why");
  }

  @Test
  void aJobStartsRunningWithItsRowsNotYetCounted() {
    ImportJob job = new ImportJob("links.csv", true);
    assertTrue(job.isRunning());
    assertEquals(State.RUNNING, job.getState());
    assertEquals("Running", job.getState().label());
    assertTrue(job.isDryRun());
    assertEquals("links.csv", job.getFile());
    assertEquals(-1, job.getTotal());
    assertEquals(0, job.getPercent());
    assertEquals(-1, job.getSecondsLeft(), "no rate yet");
    assertNull(job.getFailure());
    assertFalse(job.cancelRequested());
  }

  @Test
  void theProgressIsThePartOfTheCountedRowsDone() {
    ImportJob job = new ImportJob("database.db", false);
    job.counted(2000);
    assertEquals(-1, job.getSecondsLeft(), "nothing done yet");
    job.progressed(500);
    job.progressed(500);
    assertEquals(1000, job.getDone());
    assertEquals(50, job.getPercent());
    job.progressed(999);
    assertEquals(99, job.getPercent(), "rounded down: not done until it is");
  }

  @Test
  void theTimeLeftIsTheRowsLeftAtTheRateSoFarRoundedUp() throws InterruptedException {
    ImportJob job = new ImportJob("database.db", false);
    job.counted(1_000_000);
    job.progressed(1000);
    Thread.sleep(20);
    job.end(State.CANCELLED, null);
    long rate = job.getRate();
    assertTrue(rate > 0 && rate <= 1000 * 50, "at most 1000 rows in 20 ms: " + rate);
    assertEquals(rate, job.getRate(), "an ended job's rate stays");
    assertEquals((999_000 + rate - 1) / rate, job.getSecondsLeft());
    assertEquals(0, job.getSeconds());
  }

  @Test
  void anEndedJobWithoutRowsIsWhollyDone() {
    ImportJob job = new ImportJob("empty.csv", false);
    job.counted(0);
    assertEquals(0, job.getPercent(), "while it runs");
    job.end(State.DONE, null);
    assertFalse(job.isRunning());
    assertEquals(100, job.getPercent());
    assertEquals(0, job.getRate());
  }

  @Test
  void skippedRowsAreCountedByReasonAndTheFirstProblemsKept() {
    ImportJob job = new ImportJob("links.csv", false);
    for (int i = 0; i < ImportJob.SHOWN_PROBLEMS + 5; i++) {
      job.skipped(i % 2 == 0 ? "Alias taken" : "Destination URL refused", problem(i));
    }
    job.renumbered(problem(99));
    assertEquals(ImportJob.SHOWN_PROBLEMS + 5, job.getSkipped());
    assertEquals(1, job.getRenumbered());
    assertEquals(Map.of("Alias taken", 13L, "Destination URL refused", 12L), job.getReasons());
    List<Problem> problems = job.getProblems();
    assertEquals(ImportJob.SHOWN_PROBLEMS, problems.size());
    assertEquals(problem(0), problems.get(0));
    assertEquals(problem(ImportJob.SHOWN_PROBLEMS - 1), problems.get(problems.size() - 1));
  }

  @Test
  void aFailedJobSaysWhyAndACancelIsOnlyARequest() {
    ImportJob job = new ImportJob("links.csv", false);
    job.cancel();
    assertTrue(job.cancelRequested());
    assertTrue(job.isRunning(), "it stops after its batch");
    job.conflicts(3);
    job.imported();
    job.end(State.FAILED, "disk full");
    assertEquals(3, job.getConflicts());
    assertEquals(1, job.getImported());
    assertEquals("Failed", job.getState().label());
    assertEquals("disk full", job.getFailure());
  }
}
