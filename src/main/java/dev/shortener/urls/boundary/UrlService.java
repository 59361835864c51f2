package dev.shortener.urls.boundary;

import dev.shortener.platform.Database;
import dev.shortener.platform.SingleWriter;
import dev.shortener.urls.control.ClickFlusher;
import dev.shortener.urls.control.Destinations;
import dev.shortener.urls.control.InvalidUrlException;
import dev.shortener.urls.control.ShortCodes;
import dev.shortener.urls.control.UrlCreated;
import dev.shortener.urls.entity.Url;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Creates short links and looks them up for the admin pages, through JPA. The redirect path reads
 * links with plain JDBC in {@link dev.shortener.urls.control.RedirectCache}.
 *
 * <p>A new link is stored with a single JDBC {@code INSERT ... RETURNING} in SQLite's own
 * autocommit, not with {@code persist} in a JTA transaction. SQLite lets one connection write at a
 * time, and with JPA the write lock is held from the {@code INSERT} through EclipseLink's flush,
 * the EJB container's post-processing and the commit; under 64 concurrent creations that serialized
 * stretch capped bench/run.sh at 700-1,000 links/s (about 2 k/s expected on a quiet machine). One
 * autocommitted statement holds the lock for a few dozen microseconds. Clicks are not written here
 * (see {@link ClickFlusher}); the methods that return click counts first have it fold its log into
 * the links, so they see every click flushed so far.
 */
@Stateless
public class UrlService {

  @PersistenceContext(unitName = "shortener")
  EntityManager em;

  @Inject ShortCodes codes;

  @Inject Destinations destinations;

  @Inject Event<UrlCreated> created;

  @Inject SingleWriter writer;

  @EJB ClickFlusher clicks;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  /**
   * Stores {@code input} and returns its short link.
   *
   * @param input the URL as typed; checked by {@link Destinations}
   * @param origin this shortener's public origin, which prefixes the short link
   * @throws InvalidUrlException with a message for the user; nothing is stored
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ShortLink shorten(String input, URI origin) throws InvalidUrlException {
    String original = destinations.check(input, origin).url();
    long id = insert(original, Instant.now());
    created.fire(new UrlCreated(id, original));
    return new ShortLink(origin, codes.encode(id), original);
  }

  private long insert(String original, Instant now) {
    try (Connection connection = database.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO url (created, original, clicks) VALUES (?, ?, 0) RETURNING id")) {
      insert.setLong(1, now.toEpochMilli());
      insert.setString(2, original);
      writer.acquire();
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        long id = row.getLong(1);
        // Stepping past the only row ends the statement, which commits it; a failed commit
        // surfaces here instead of being lost in close().
        row.next();
        return id;
      } finally {
        writer.release();
      }
    } catch (SQLException e) {
      throw new EJBException("Could not store a new link", e);
    }
  }

  /** Link {@code id}, with every click flushed so far. */
  public Optional<Url> find(long id) {
    clicks.fold();
    return Optional.ofNullable(em.find(Url.class, id));
  }

  /** One page of links, most clicked first, with every click flushed so far. */
  public List<Url> mostClicked(int first, int max) {
    clicks.fold();
    return em.createNamedQuery(Url.MOST_CLICKED, Url.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many links exist. */
  public long count() {
    return em.createNamedQuery(Url.COUNT, Long.class).getSingleResult();
  }

  /** The highest id handed out so far; 0 for an empty table. */
  public long highestId() {
    Long highest = em.createNamedQuery(Url.HIGHEST_ID, Long.class).getSingleResult();
    return highest == null ? 0 : highest;
  }
}
