package dev.shortener.visits.boundary;

import dev.shortener.links.boundary.LinkService;
import dev.shortener.platform.FlushWork;
import dev.shortener.platform.Setting;
import dev.shortener.visits.control.Countries;
import dev.shortener.visits.control.UserAgents;
import dev.shortener.visits.control.VisitQueue;
import dev.shortener.visits.control.VisitRecord;
import dev.shortener.visits.control.VisitWriter;
import dev.shortener.web.TrustedProxy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Records visits for the statistics. The redirect calls {@link #visited} or {@link #orphan}: a few
 * header reads and a lock-free queue, nothing parsed, no database. The click flush then takes the
 * queue ({@link FlushWork}) and {@link VisitWriter} writes it in the flush's transaction.
 *
 * <p>With {@code SHORTENER_VISITS=false} nothing is queued: the click counts stay, the statistics
 * stop.
 */
@ApplicationScoped
public class VisitRecorder implements FlushWork {

  private static final Logger LOG = Logger.getLogger(VisitRecorder.class.getName());

  @Inject VisitQueue queue;
  @Inject UserAgents agents;
  @Inject Countries countries;
  @Inject TrustedProxy proxy;

  private boolean enabled;
  private VisitWriter writer;

  /** A batch whose flush failed, written first by the next one. */
  private List<VisitRecord> held;

  /**
   * Made at start rather than at the first visit, so that a bad setting (a country database that
   * cannot be read) stops the start, and the log says what is recorded.
   */
  void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
    LOG.info(
        () ->
            enabled
                ? "Visits are recorded for the statistics"
                    + (countries.available() ? ", with their country" : ", without countries")
                : "Visits are not recorded (SHORTENER_VISITS=false); clicks are counted");
  }

  @PostConstruct
  void configure() {
    enabled = Setting.VISITS.booleanValue();
    writer =
        new VisitWriter(
            agents,
            countries,
            LinkService.zone(),
            new VisitWriter.Recording(
                Setting.VISIT_USER_AGENT.booleanValue(),
                Setting.VISIT_REFERRER.booleanValue(),
                Setting.VISIT_COUNTRY.booleanValue()));
  }

  /** A request for link {@code linkId}: a visit, or a link check if {@code head}. */
  public void visited(long linkId, HttpServletRequest request, boolean head) {
    if (enabled) {
      queue.offer(record(linkId, null, request, head));
    }
  }

  /** A request for a path that is no link. */
  public void orphan(String path, HttpServletRequest request, boolean head) {
    if (enabled) {
      queue.offer(record(VisitRecord.ORPHAN, path, request, head));
    }
  }

  private VisitRecord record(long linkId, String path, HttpServletRequest request, boolean head) {
    return new VisitRecord(
        linkId,
        path,
        System.currentTimeMillis(),
        request.getHeader("User-Agent"),
        request.getHeader("Referer"),
        proxy.addressOf(request),
        head,
        prefetch(request),
        "1".equals(request.getHeader("DNT")) || "1".equals(request.getHeader("Sec-GPC")));
  }

  /**
   * Chromium's and Firefox's prefetches ({@code Sec-Purpose: prefetch}, the older {@code Purpose}
   * and {@code X-Moz}) and Safari's previews ({@code X-Purpose: preview}): fetched ahead, perhaps
   * never looked at.
   */
  private static boolean prefetch(HttpServletRequest request) {
    String purpose = request.getHeader("Sec-Purpose");
    if (purpose == null) {
      purpose = request.getHeader("Purpose");
    }
    if (purpose == null) {
      purpose = request.getHeader("X-Purpose");
    }
    if (purpose == null) {
      purpose = request.getHeader("X-Moz");
    }
    return purpose != null && (purpose.contains("prefetch") || purpose.contains("preview"));
  }

  /** Visits dropped because the queue was full, since the start. */
  public long dropped() {
    return queue.dropped();
  }

  @Override
  public Batch take() {
    List<VisitRecord> visits = held == null ? new ArrayList<>() : held;
    held = null;
    visits.addAll(queue.take(Math.max(queue.capacity() - visits.size(), 0)));
    if (visits.isEmpty()) {
      return null;
    }
    return new Batch() {
      @Override
      public void write(Connection connection) throws SQLException {
        writer.write(connection, visits);
      }

      @Override
      public void committed() {
        writer.committed();
      }

      @Override
      public void putBack() {
        writer.rolledBack();
        held = visits;
      }
    };
  }
}
