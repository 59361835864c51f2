package dev.shortener.links.boundary;

import dev.shortener.links.control.ClickFlusher;
import dev.shortener.links.control.Destinations;
import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.InvalidUrlException;
import dev.shortener.links.control.LinkChanged;
import dev.shortener.links.control.LinkCreated;
import dev.shortener.links.control.LinkForm;
import dev.shortener.links.control.LinkQuery;
import dev.shortener.links.control.LinkRow;
import dev.shortener.links.control.LinkRules;
import dev.shortener.links.control.LinkSearch;
import dev.shortener.links.control.LinkStore;
import dev.shortener.links.control.LinkStore.AliasTakenException;
import dev.shortener.links.control.LinkValues;
import dev.shortener.links.control.ShortCodes;
import dev.shortener.links.control.ShortUrlQuery;
import dev.shortener.links.entity.Link;
import dev.shortener.platform.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the outside can do with links, whoever asks: the home form, the admin's pages and (later)
 * the REST API call these methods and nothing below them, so every rule holds for all of them. A
 * link is named by its key: its alias, or the code of its id.
 *
 * <p>Writes go through {@link LinkStore} (plain JDBC, outside any container transaction, so
 * SQLite's one write permit is held for the statements alone); reads for pages through JPA. The
 * redirect path reads links with plain JDBC in {@link dev.shortener.links.control.RedirectCache},
 * which the {@link LinkCreated} and {@link LinkChanged} events keep in step. Clicks are not written
 * here (see {@link ClickFlusher}); the methods that return click counts first have it fold its log
 * into the links, so they see every click flushed so far.
 */
@Stateless
public class LinkService {

  @PersistenceContext(unitName = "shortener")
  EntityManager em;

  @Inject ShortCodes codes;
  @Inject Destinations destinations;
  @Inject LinkStore store;
  @Inject LinkSearch search;
  @Inject Event<LinkCreated> created;
  @Inject Event<LinkChanged> changed;

  @EJB ClickFlusher clicks;

  Clock clock = Clock.systemUTC();
  private LinkRules rules;

  @PostConstruct
  void load() {
    rules = new LinkRules(destinations, codes, zone());
  }

  /** The zone the admin enters and reads dates in: {@code SHORTENER_TIME_ZONE}. */
  public static ZoneId zone() {
    return Setting.TIME_ZONE.value().map(ZoneId::of).orElse(ZoneId.systemDefault());
  }

  /**
   * Stores a new link as {@code form} asks and returns it.
   *
   * @param origin this shortener's public origin, which prefixes the short link
   * @throws InvalidLinkException with a message for each refused field; nothing is stored
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public ShortLink create(LinkForm form, URI origin) throws InvalidLinkException {
    LinkDetails link = add(form, origin);
    return new ShortLink(origin, link.key(), link.original());
  }

  /**
   * Stores a new link as {@code form} asks and returns all of it, as {@link #create} does (the API
   * shows every field of a link it made, without reading it back).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public LinkDetails add(LinkForm form, URI origin) throws InvalidLinkException {
    LinkValues values = rules.apply(form, LinkValues.defaults(null), origin);
    long now = clock.millis();
    long id;
    try {
      id = store.insert(values, now);
    } catch (AliasTakenException taken) {
      throw aliasTaken(values.alias());
    }
    created.fire(new LinkCreated(LinkRow.of(id, values)));
    return LinkDetails.of(id, key(id, values.alias()), values, now);
  }

  /**
   * Checks {@code form} as {@link #create} (for a null {@code link}) or {@link #update} would,
   * storing nothing: for a caller that found other faults first and answers with all of them.
   */
  public void check(LinkForm form, Link link, URI origin) throws InvalidLinkException {
    rules.apply(form, link == null ? LinkValues.defaults(null) : valuesOf(link), origin);
  }

  /** Everything of {@code link} a program may read. */
  public LinkDetails details(Link link) {
    return LinkDetails.of(link, key(link));
  }

  /**
   * Changes link {@code key} as {@code form} asks; the next request sees the change.
   *
   * @return the link as it is now, or empty if there is no such link
   * @throws InvalidLinkException with a message for each refused field; nothing is changed
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Optional<ShortLink> update(String key, LinkForm form, URI origin)
      throws InvalidLinkException {
    Optional<Link> found = find(key);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Link link = found.get();
    LinkValues values = rules.apply(form, valuesOf(link), origin);
    try {
      if (!store.update(link.getId(), values, clock.millis())) {
        return Optional.empty();
      }
    } catch (AliasTakenException taken) {
      throw aliasTaken(values.alias());
    }
    changed.fire(
        new LinkChanged(link.getId(), link.getAlias().orElse(null), values.alias(), false));
    return Optional.of(new ShortLink(origin, key(link.getId(), values.alias()), values.original()));
  }

  /** Switches link {@code key} off or on again; false if there is no such link. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean setDisabled(String key, boolean disabled, URI origin) {
    LinkForm form = new LinkForm();
    form.setDisabled(disabled);
    try {
      return update(key, form, origin).isPresent();
    } catch (InvalidLinkException impossible) {
      throw new IllegalStateException("A switch alone cannot be refused", impossible);
    }
  }

  /**
   * Deletes link {@code key}: it answers "not found" from the next request on, and its code is
   * never given to another link. Its clicks go with it.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean delete(String key) {
    Optional<Link> found = find(key);
    if (found.isEmpty() || !store.delete(found.get().getId())) {
      return false;
    }
    changed.fire(
        new LinkChanged(found.get().getId(), found.get().getAlias().orElse(null), null, true));
    return true;
  }

  /** Link {@code key} (an alias or a code), with every click flushed so far. */
  public Optional<Link> find(String key) {
    if (key == null) {
      return Optional.empty();
    }
    long id = codes.decode(key);
    if (id != ShortCodes.INVALID) {
      return find(id);
    }
    clicks.fold();
    return em.createNamedQuery(Link.BY_ALIAS, Link.class)
        .setParameter("alias", key)
        .getResultStream()
        .findFirst();
  }

  /** Link {@code id}, with every click flushed so far. */
  public Optional<Link> find(long id) {
    clicks.fold();
    return Optional.ofNullable(em.find(Link.class, id));
  }

  /** The key a link is shared by: its alias, else its code. */
  public String key(Link link) {
    return key(link.getId(), link.getAlias().orElse(null));
  }

  /** The code of a link's id, which answers beside its alias. */
  public String codeOf(Link link) {
    return codes.encode(link.getId());
  }

  private String key(long id, String alias) {
    return alias != null ? alias : codes.encode(id);
  }

  /** One page of the admin's list. */
  public LinkSearch.Page list(LinkQuery query) {
    clicks.fold();
    return search.page(query, clock.millis());
  }

  /** A numbered page of links for the API, and how many match in all. */
  public record Page(List<Link> links, long total) {}

  /** The page {@code query} asks for, with every click flushed so far. */
  public Page page(ShortUrlQuery query) {
    clicks.fold();
    LinkSearch.IdPage ids = search.page(query, clock.millis());
    if (ids.ids().isEmpty()) {
      return new Page(List.of(), ids.total());
    }
    Map<Long, Link> byId = new HashMap<>();
    em.createNamedQuery(Link.BY_IDS, Link.class)
        .setParameter("ids", ids.ids())
        .getResultList()
        .forEach(link -> byId.put(link.getId(), link));
    List<Link> links = ids.ids().stream().map(byId::get).filter(Objects::nonNull).toList();
    return new Page(links, ids.total());
  }

  /**
   * The newest link to the destination {@code form} names (and with its alias, if it names one),
   * for the API's {@code findIfExists}; empty if there is none or the destination is refused.
   */
  public Optional<Link> existing(LinkForm form, URI origin) {
    if (form.getUrl() == null) {
      return Optional.empty();
    }
    String original;
    try {
      original = destinations.check(form.getUrl(), origin).url();
    } catch (InvalidUrlException refused) {
      return Optional.empty();
    }
    String alias = form.getAlias() == null || form.getAlias().isBlank() ? null : form.getAlias();
    return search.existing(original, alias).flatMap(this::find);
  }

  /** Every tag by name, with how many links have it and their clicks. */
  public List<LinkSearch.TagStats> tags() {
    clicks.fold();
    return search.tags();
  }

  /**
   * Renames tag {@code from} on every link.
   *
   * @throws InvalidLinkException for a new name that is no tag (field {@code tags})
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public LinkStore.Renamed renameTag(String from, String to) throws InvalidLinkException {
    String name = rules.tag(to);
    LinkStore.Renamed renamed = store.renameTag(from, name);
    search.forgetTotals();
    return renamed;
  }

  /** Takes the tags named from every link. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void deleteTags(List<String> names) {
    store.deleteTags(names);
    search.forgetTotals();
  }

  /** Every click counted so far, of every link. */
  public long totalClicks() {
    clicks.fold();
    return search.totalClicks();
  }

  /** One page of links, most clicked first, with every click flushed so far. */
  public List<Link> mostClicked(int first, int max) {
    clicks.fold();
    return em.createNamedQuery(Link.MOST_CLICKED, Link.class)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many links exist. */
  public long count() {
    return em.createNamedQuery(Link.COUNT, Long.class).getSingleResult();
  }

  /** The highest id handed out so far; 0 for an empty table. */
  public long highestId() {
    Long highest = em.createNamedQuery(Link.HIGHEST_ID, Long.class).getSingleResult();
    return highest == null ? 0 : highest;
  }

  private static InvalidLinkException aliasTaken(String alias) {
    return new InvalidLinkException.AliasTaken(alias);
  }

  private static LinkValues valuesOf(Link link) {
    return new LinkValues(
        link.getOriginal(),
        link.getAlias().orElse(null),
        link.getTitle().orElse(null),
        link.getTags(),
        link.getValidFrom().map(java.time.Instant::toEpochMilli).orElse(null),
        link.getValidUntil().map(java.time.Instant::toEpochMilli).orElse(null),
        link.getMaxVisits().orElse(null),
        link.getFallbackUrl().orElse(null),
        link.getPasswordHash().orElse(null),
        link.getRedirectType(),
        link.isForwardQuery(),
        link.isCrawlable(),
        link.isDisabled());
  }
}
