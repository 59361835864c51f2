package dev.shortener.links.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The visits of links with a cap ({@code max visits}), counted in memory so that the cap holds to
 * the click even between two flushes: the first visit of such a link on this server reads its
 * written visits once, every later one is an atomic increment. Links without a cap never reach this
 * class.
 */
@ApplicationScoped
public class VisitLimits {

  @Inject LinkStore store;
  @Inject ClickCounter clicks;

  private final ConcurrentHashMap<Long, AtomicLong> visits = new ConcurrentHashMap<>();

  /**
   * Takes one visit of {@code redirect}'s link if its cap allows one more: the visit that reaches
   * the cap is the last one granted.
   */
  public boolean take(Redirect redirect) {
    AtomicLong count = counter(redirect.id());
    if (count.incrementAndGet() <= redirect.maxVisits()) {
      return true;
    }
    count.decrementAndGet();
    return false;
  }

  /** Whether {@code redirect}'s link has had all the visits its cap allows. */
  public boolean reached(Redirect redirect) {
    return counter(redirect.id()).get() >= redirect.maxVisits();
  }

  private AtomicLong counter(long id) {
    return visits.computeIfAbsent(
        id, link -> new AtomicLong(store.writtenVisits(link) + clicks.pending(link)));
  }

  /** An edited link may have a new cap, a deleted one none: read it again when asked. */
  void forget(@Observes LinkChanged changed) {
    visits.remove(changed.id());
  }
}
