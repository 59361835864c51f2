package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VisitQueueTest {

  private final VisitQueue queue = new VisitQueue();

  private static VisitRecord visit(long link) {
    return new VisitRecord(link, null, 1_000, "agent", null, "192.0.2.1", false, false, false);
  }

  @Test
  void aFullQueueDropsAndCountsWhatComesBeyondIt() {
    queue.capacity = 3;
    for (long link = 1; link <= 5; link++) {
      queue.offer(visit(link));
    }
    assertEquals(2, queue.dropped());
    assertEquals(
        List.of(1L, 2L, 3L),
        queue.take(10).stream().map(VisitRecord::linkId).toList(),
        "the first ones kept, oldest first");
    queue.offer(visit(6));
    assertEquals(List.of(6L), queue.take(10).stream().map(VisitRecord::linkId).toList());
    assertEquals(2, queue.dropped(), "room again once taken");
  }

  @Test
  void aTakeStopsAtItsLimitAndLeavesTheRest() {
    queue.capacity = 10;
    for (long link = 1; link <= 4; link++) {
      queue.offer(visit(link));
    }
    assertEquals(List.of(1L, 2L), queue.take(2).stream().map(VisitRecord::linkId).toList());
    assertEquals(List.of(3L, 4L), queue.take(5).stream().map(VisitRecord::linkId).toList());
    assertEquals(List.of(), queue.take(5));
    for (long link = 1; link <= 10; link++) {
      queue.offer(visit(link));
    }
    assertEquals(0, queue.dropped(), "what was taken left room for ten");
  }
}
