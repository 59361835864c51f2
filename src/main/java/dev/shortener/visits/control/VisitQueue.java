package dev.shortener.visits.control;

import dev.shortener.platform.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The visits the redirect threads noted since the last flush, at most {@code
 * SHORTENER_VISIT_QUEUE_SIZE} of them. Beyond that a visit is dropped and counted: the click total
 * stays exact, only the visit's details are lost, and memory stays bounded whatever the traffic or
 * a database outage.
 *
 * <p>Lock-free on the redirect's side (a compare-and-set for the size, one for the link of the
 * queue), so that redirect threads never wait on each other or on the flush.
 */
@ApplicationScoped
public class VisitQueue {

  private final ConcurrentLinkedQueue<VisitRecord> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final LongAdder dropped = new LongAdder();
  int capacity;

  @PostConstruct
  void configure() {
    capacity = Setting.VISIT_QUEUE_SIZE.intValue();
  }

  /** Adds a visit, or drops it when the queue is full. */
  public void offer(VisitRecord visit) {
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      dropped.increment();
      return;
    }
    queue.offer(visit);
  }

  /** Takes up to {@code most} visits, oldest first. */
  public List<VisitRecord> take(int most) {
    List<VisitRecord> taken = new ArrayList<>(Math.min(most, Math.max(size.get(), 0)));
    VisitRecord visit;
    while (taken.size() < most && (visit = queue.poll()) != null) {
      size.decrementAndGet();
      taken.add(visit);
    }
    return taken;
  }

  /** Visits dropped because the queue was full, since the start. */
  public long dropped() {
    return dropped.sum();
  }

  /** How many visits may wait. */
  public int capacity() {
    return capacity;
  }
}
