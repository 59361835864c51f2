package dev.shortener.links.control;

import dev.shortener.platform.Dialect;
import dev.shortener.platform.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The visits of links with a cap ({@code max visits}), counted in memory so that the cap holds to
 * the click even between two flushes: the first visit of such a link on this server reads its
 * written visits once, every later one is an atomic increment. Links without a cap never reach this
 * class.
 *
 * <p>On a database other app servers share, the count is read again once a flush interval old, so
 * that it takes in the visits the others have flushed meanwhile: a cap may then be passed by the
 * visits the other servers let through before their counts reach the database and this server's
 * next read, at most about two flush intervals of their traffic to that link.
 */
@ApplicationScoped
public class VisitLimits {

  @Inject LinkStore store;
  @Inject ClickCounter clicks;

  private final ConcurrentHashMap<Long, Count> visits = new ConcurrentHashMap<>();

  /** How old a count may get before it is read again; 0 for never (SQLite). */
  long rereadMillis =
      Dialect.configured().shared() ? Setting.CLICK_FLUSH_INTERVAL_MS.intValue() : 0;

  LongSupplier clock = System::currentTimeMillis;

  /** A link's visits and when they were read from the database. */
  private record Count(AtomicLong visits, long readAt) {}

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
    long now = rereadMillis == 0 ? 0 : clock.getAsLong();
    Count known = visits.get(id);
    if (known != null && fresh(known, now)) {
      return known.visits();
    }
    return visits
        .compute(
            id,
            (link, current) ->
                current != null && fresh(current, now)
                    ? current
                    : new Count(
                        new AtomicLong(store.writtenVisits(link) + clicks.pending(link)), now))
        .visits();
  }

  private boolean fresh(Count count, long now) {
    return rereadMillis == 0 || now - count.readAt() < rereadMillis;
  }

  /** An edited link may have a new cap, a deleted one none: read it again when asked. */
  void forget(@Observes LinkChanged changed) {
    visits.remove(changed.id());
  }
}
