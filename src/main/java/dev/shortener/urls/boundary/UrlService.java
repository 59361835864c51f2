package dev.shortener.urls.boundary;

import dev.shortener.urls.control.InvalidUrlException;
import dev.shortener.urls.control.ShortCodes;
import dev.shortener.urls.control.UrlCreated;
import dev.shortener.urls.control.UrlRules;
import dev.shortener.urls.entity.Url;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates and looks up short links: the one place that touches the {@code url} table through JPA.
 *
 * <p>Clicks are not written here; see {@link dev.shortener.urls.control.ClickFlusher}.
 */
@Stateless
public class UrlService {

  @PersistenceContext(unitName = "shortener")
  EntityManager em;

  @Inject ShortCodes codes;

  @Inject Event<UrlCreated> created;

  /**
   * Stores {@code input} and returns its short link.
   *
   * @param input the URL as typed; checked by {@link UrlRules}
   * @param origin this shortener's public origin, which prefixes the short link
   * @throws InvalidUrlException with a message for the user; nothing is stored
   */
  public ShortLink shorten(String input, URI origin) throws InvalidUrlException {
    String original = UrlRules.check(input, origin, codes);
    Url url = new Url(original, Instant.now());
    em.persist(url);
    em.flush();
    created.fire(new UrlCreated(url.getId(), original));
    return new ShortLink(origin, codes.encode(url.getId()), original);
  }

  /** Link {@code id}, with its flushed click count. */
  public Optional<Url> find(long id) {
    return Optional.ofNullable(em.find(Url.class, id));
  }

  /** The stored URL of link {@code id}. */
  public Optional<String> original(long id) {
    return em.createNamedQuery(Url.ORIGINAL_BY_ID, String.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  /** One page of links, most clicked first. */
  public List<Url> mostClicked(int first, int max) {
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
