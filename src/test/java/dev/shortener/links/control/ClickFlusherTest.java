package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.platform.FlushWork;
import dev.shortener.platform.SingleWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClickFlusherTest {

  private final JdbcFake database = new JdbcFake();
  private final ClickCounter counter = new ClickCounter();
  private final ClickFlusher flusher = new ClickFlusher();

  ClickFlusherTest() {
    flusher.counter = counter;
    flusher.writer = new SingleWriter();
    flusher.database = database.dataSource();
  }

  private void click(long id, int times) {
    for (int i = 0; i < times; i++) {
      counter.count(id);
    }
  }

  @Test
  void aFlushAppendsEveryPendingCountInOneTransaction() {
    click(1, 3);
    click(2, 1);
    flusher.flush();
    assertEquals(Map.of(1L, 3L, 2L, 1L), database.committed);
    flusher.flush();
    assertEquals(Map.of(1L, 3L, 2L, 1L), database.committed, "nothing counted twice");
  }

  /** Work riding on the flush that records what the flush did with it. */
  private static final class Rider implements FlushWork {
    boolean waiting = true;
    boolean fails;
    int written;
    int committed;
    int putBack;

    @Override
    public Batch take() {
      if (!waiting) {
        return null;
      }
      return new Batch() {
        @Override
        public void write(Connection connection) throws SQLException {
          if (fails) {
            // Half written when it fails: the savepoint must undo this row.
            ClickLog.append(connection, Map.of(99L, 1L));
            throw new SQLException("rider failed");
          }
          written++;
        }

        @Override
        public void committed() {
          committed++;
        }

        @Override
        public void putBack() {
          putBack++;
        }
      };
    }
  }

  @Test
  void whatRidesOnTheFlushIsCommittedWithTheClicksOrPutBackWithoutCostingThem() {
    Rider rider = new Rider();
    flusher.works = List.of(rider);
    click(1, 2);
    rider.fails = true;
    flusher.flush();
    assertEquals(Map.of(1L, 2L), database.committed, "the clicks, whatever the rider did");
    assertEquals(1, rider.putBack);
    assertEquals(0, rider.committed);
    rider.fails = false;
    click(1, 1);
    flusher.flush();
    assertEquals(Map.of(1L, 3L), database.committed);
    assertEquals(1, rider.committed);
    assertEquals(1, rider.putBack);
  }

  @Test
  void aFailedFlushPutsTheRidersBackWithTheClicks() {
    Rider rider = new Rider();
    flusher.works = List.of(rider);
    click(1, 1);
    database.down = true;
    flusher.flush();
    assertEquals(1, rider.putBack);
    assertEquals(0, rider.committed);
  }

  @Test
  void workWaitingWithoutClicksStillGetsItsFlush() {
    Rider rider = new Rider();
    flusher.works = List.of(rider);
    flusher.flush();
    assertEquals(1, rider.written);
    assertEquals(1, rider.committed);
    rider.waiting = false;
    flusher.flush();
    assertEquals(1, rider.written, "nothing waiting: nothing written");
  }

  @Test
  void aFailedFlushKeepsItsClicksForTheNextOne() {
    click(1, 3);
    database.down = true;
    flusher.flush();
    assertEquals(Map.of(), database.committed);
    click(1, 2);
    click(2, 1);
    database.down = false;
    flusher.flush();
    assertEquals(
        Map.of(1L, 5L, 2L, 1L), database.committed, "the failed batch went out with the next");
  }

  @Test
  void theFirstFlushFoldsWhatTheLogHeldFromBefore() {
    flusher.flush();
    assertEquals(1, database.folds, "at start the log may hold rows of the previous run");
    click(1, 1);
    flusher.flush();
    assertEquals(1, database.folds, "then only after many rows or before a read");
    flusher.fold();
    assertEquals(2, database.folds);
    flusher.fold();
    assertEquals(2, database.folds, "nothing logged since: nothing to fold");
  }

  @Test
  void whereOtherServersAppendToTheLogEveryReadFolds() {
    flusher.shared = true;
    flusher.flush();
    flusher.fold();
    flusher.fold();
    assertEquals(3, database.folds, "this server logged nothing, but the others may have");
  }

  @Test
  void aFailedFoldIsTriedAgain() {
    click(1, 1);
    flusher.flush();
    click(1, 1);
    flusher.flush();
    database.down = true;
    flusher.fold();
    database.down = false;
    int before = database.folds;
    flusher.fold();
    assertEquals(before + 1, database.folds);
  }

  @Test
  void aBatchThatFailsHalfwayIsRolledBackAndWrittenOnceLater() {
    click(1, 2);
    database.failNextBatch = true;
    flusher.flush();
    assertEquals(Map.of(), database.committed, "nothing of the failed batch committed");
    click(1, 1);
    flusher.flush();
    assertEquals(Map.of(1L, 3L), database.committed, "written once, with the later click");
  }
}
