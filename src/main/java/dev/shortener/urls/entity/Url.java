package dev.shortener.urls.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One shortened URL: the tutorial's {@code Url} model (id, created, original, clicks).
 *
 * <p>The id is SQLite's AUTOINCREMENT row id, never reused, because the short code is just the id
 * run through Hashids: a reused id would send an old short link to someone else's URL. The table is
 * created by {@code META-INF/sql/create-schema.sql}.
 */
@Entity
@Table(name = "url")
@NamedQuery(
    name = Url.MOST_CLICKED,
    query = "SELECT u FROM Url u ORDER BY u.clicks DESC, u.id DESC")
@NamedQuery(name = Url.COUNT, query = "SELECT COUNT(u) FROM Url u")
@NamedQuery(name = Url.HIGHEST_ID, query = "SELECT MAX(u.id) FROM Url u")
public class Url {

  /** Every link, most clicked first, newest first among equals. */
  public static final String MOST_CLICKED = "Url.mostClicked";

  /** How many links there are. */
  public static final String COUNT = "Url.count";

  /** The highest id handed out so far, or null for an empty table. */
  public static final String HIGHEST_ID = "Url.highestId";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  /** Epoch milliseconds: SQLite has no date type, and an integer sorts and compares exactly. */
  @Column(nullable = false)
  private long created;

  @Column(nullable = false, length = 2048)
  private String original;

  @Column(nullable = false)
  private long clicks;

  /** For JPA. */
  protected Url() {}

  public Long getId() {
    return id;
  }

  public Instant getCreated() {
    return Instant.ofEpochMilli(created);
  }

  public String getOriginal() {
    return original;
  }

  public long getClicks() {
    return clicks;
  }
}
