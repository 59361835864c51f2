package dev.shortener.links.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.annotations.ReadOnly;

/**
 * One short link: the tutorial's {@code Url} model (id, created, original, clicks) and what the
 * admin manages about it.
 *
 * <p>The id is the database's AUTOINCREMENT row id, never reused, because the short code is just
 * the id run through Hashids: a reused id would send an old short link to someone else's URL. Times
 * are epoch milliseconds in UTC, which SQLite and PostgreSQL store and compare alike. The schema is
 * Flyway's ({@code db/migration}).
 *
 * <p>Read-only for JPA: links are written with plain JDBC by {@code LinkStore}, which holds
 * SQLite's one write permit for the shortest time; JPA reads them for the admin's pages.
 */
@Entity
@ReadOnly
@Table(name = "link")
@NamedQuery(
    name = Link.MOST_CLICKED,
    query = "SELECT l FROM Link l ORDER BY l.clicks DESC, l.id DESC")
@NamedQuery(name = Link.COUNT, query = "SELECT COUNT(l) FROM Link l")
@NamedQuery(name = Link.HIGHEST_ID, query = "SELECT MAX(l.id) FROM Link l")
@NamedQuery(name = Link.BY_ALIAS, query = "SELECT l FROM Link l WHERE l.alias = :alias")
@NamedQuery(name = Link.BY_IDS, query = "SELECT l FROM Link l WHERE l.id IN :ids")
public class Link {

  /** Every link, most clicked first, newest first among equals. */
  public static final String MOST_CLICKED = "Link.mostClicked";

  /** How many links there are. */
  public static final String COUNT = "Link.count";

  /** The highest id handed out so far, or null for an empty table. */
  public static final String HIGHEST_ID = "Link.highestId";

  /** The link with the alias {@code :alias}. */
  public static final String BY_ALIAS = "Link.byAlias";

  public static final String BY_IDS = "Link.byIds";

  @Id private Long id;

  @Column(nullable = false)
  private long created;

  @Column(nullable = false, length = 2048)
  private String original;

  @Column(nullable = false)
  private long clicks;

  private String alias;
  private String title;
  private Long edited;

  @Column(nullable = false)
  private boolean disabled;

  @Column(name = "valid_from")
  private Long validFrom;

  @Column(name = "valid_until")
  private Long validUntil;

  @Column(name = "max_visits")
  private Long maxVisits;

  @Column(name = "fallback_url")
  private String fallbackUrl;

  @Column(name = "password_hash")
  private String passwordHash;

  @Column(name = "redirect_type", nullable = false)
  private int redirectType;

  @Column(name = "forward_query", nullable = false)
  private boolean forwardQuery;

  @Column(nullable = false)
  private boolean crawlable;

  /** Read in one query for a whole page of links, not one per link. */
  @ManyToMany(fetch = FetchType.LAZY)
  @JoinTable(
      name = "link_tag",
      joinColumns = @JoinColumn(name = "link_id"),
      inverseJoinColumns = @JoinColumn(name = "tag_id"))
  @OrderBy("name")
  @BatchFetch(BatchFetchType.IN)
  private List<Tag> tags;

  /** For JPA. */
  protected Link() {}

  public Long getId() {
    return id;
  }

  public Instant getCreated() {
    return Instant.ofEpochMilli(created);
  }

  public String getOriginal() {
    return original;
  }

  /** Clicks written so far; what the flush has not folded in yet is not counted here. */
  public long getClicks() {
    return clicks;
  }

  public Optional<String> getAlias() {
    return Optional.ofNullable(alias);
  }

  public Optional<String> getTitle() {
    return Optional.ofNullable(title);
  }

  public Optional<Instant> getEdited() {
    return Optional.ofNullable(edited).map(Instant::ofEpochMilli);
  }

  public boolean isDisabled() {
    return disabled;
  }

  public Optional<Instant> getValidFrom() {
    return Optional.ofNullable(validFrom).map(Instant::ofEpochMilli);
  }

  public Optional<Instant> getValidUntil() {
    return Optional.ofNullable(validUntil).map(Instant::ofEpochMilli);
  }

  public Optional<Long> getMaxVisits() {
    return Optional.ofNullable(maxVisits);
  }

  public Optional<String> getFallbackUrl() {
    return Optional.ofNullable(fallbackUrl);
  }

  /** The stored hash of the link's password; never the password. */
  public Optional<String> getPasswordHash() {
    return Optional.ofNullable(passwordHash);
  }

  public int getRedirectType() {
    return redirectType;
  }

  public boolean isForwardQuery() {
    return forwardQuery;
  }

  public boolean isCrawlable() {
    return crawlable;
  }

  /** The tag names, alphabetically. */
  public List<String> getTags() {
    return tags.stream().map(Tag::getName).toList();
  }
}
