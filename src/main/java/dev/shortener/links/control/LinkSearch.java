package dev.shortener.links.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shortener.platform.Database;
import dev.shortener.platform.Dialect;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The admin's list of links as SQL, fast at a million links: every filter is an indexed lookup (the
 * trigram index {@code link_search} for text, the tag index, the id), every order walks an index
 * ({@code id}, {@code link_most_clicked}), and paging is by keyset: a page starts after the last
 * row of the one before (by id, or by clicks and then id), so page 10,000 costs what page 1 does,
 * where an {@code OFFSET} would read and skip every row before it. PostgreSQL has no index on
 * clicks, so that the click fold can update link rows in place (migration V6): there an order by
 * clicks reads the table, about 0.3 s at a million links.
 *
 * <p>The API's list ({@link ShortUrlQuery}) is Shlink's: numbered pages and a total, so it pays an
 * {@code OFFSET} and a {@code COUNT} (remembered until the next write); orders by destination use
 * the index {@code link_original}, by title the only order without an index.
 */
@ApplicationScoped
public class LinkSearch {

  /** The shortest text the trigram index can look up; shorter text matches codes and tags only. */
  static final int MIN_TEXT = 3;

  @Inject ShortCodes codes;

  private final Dialect dialect = Dialect.configured();

  /**
   * The totals of the API's list by query, for the pages that follow: a {@code COUNT} over a
   * million links costs about 40 ms of CPU, ten times the page itself. Forgotten at every write of
   * a link, and after a few seconds at most (clicks, which some filters count, are not writes).
   */
  private final Cache<String, Long> totals =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).maximumSize(1_000).build();

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  /** One page of the list and the cursor of the next one (null after the last). */
  public record Page(List<LinkSummary> links, String next) {}

  /** The page {@code query} asks for, as of {@code now} (for the states). */
  public Page page(LinkQuery query, long now) {
    String columns =
        "SELECT id, original, alias, title, clicks, created, disabled, valid_from, valid_until,"
            + " max_visits, password_hash IS NOT NULL FROM link WHERE 1 = 1";
    StringBuilder filter = new StringBuilder();
    List<Object> filterParameters = new ArrayList<>();
    text(query.text(), filter, filterParameters);
    if (query.tag() != null) {
      filter.append(
          " AND id IN (SELECT lt.link_id FROM link_tag lt JOIN tag t ON t.id = lt.tag_id"
              + " WHERE t.name = ?)");
      filterParameters.add(query.tag());
    }
    state(query.state(), now, filter, filterParameters);
    Cursor after = Cursor.parse(query.after());
    boolean byClicks =
        query.sort() == LinkQuery.Sort.MOST_CLICKED || query.sort() == LinkQuery.Sort.LEAST_CLICKED;
    boolean descending =
        query.sort() == LinkQuery.Sort.NEWEST || query.sort() == LinkQuery.Sort.MOST_CLICKED;
    String comparison = descending ? " < " : " > ";
    String direction = descending ? " DESC" : " ASC";
    String order =
        " ORDER BY "
            + (byClicks ? "clicks" + direction + ", id" + direction : "id" + direction)
            + " LIMIT ?";
    int limit = query.size() + 1;
    StringBuilder sql = new StringBuilder();
    List<Object> parameters = new ArrayList<>();
    if (after != null && byClicks) {
      // Two seeks of link_most_clicked, the rest of the cursor's count and then the counts past it,
      // rather than one row-value range: SQLite turns (clicks, id) < (?, ?) into a range on clicks
      // alone and reads every row of the cursor's count before the cursor (40 ms a page half way
      // down a million links, most of them with the same count).
      sql.append("SELECT * FROM (")
          .append(columns)
          .append(filter)
          .append(" AND clicks = ? AND id")
          .append(comparison)
          .append('?')
          .append(order)
          .append(") AS same_clicks UNION ALL SELECT * FROM (")
          .append(columns)
          .append(filter)
          .append(" AND clicks")
          .append(comparison)
          .append('?')
          .append(order)
          .append(") AS past_clicks")
          .append(order);
      parameters.addAll(filterParameters);
      parameters.add(after.clicks());
      parameters.add(after.id());
      parameters.add(limit);
      parameters.addAll(filterParameters);
      parameters.add(after.clicks());
      parameters.add(limit);
    } else {
      sql.append(columns).append(filter);
      parameters.addAll(filterParameters);
      if (after != null) {
        sql.append(" AND id").append(comparison).append('?');
        parameters.add(after.id());
      }
      sql.append(order);
    }
    parameters.add(limit);

    List<LinkSummary> rows = read(sql.toString(), parameters);
    String next = null;
    if (rows.size() > query.size()) {
      rows = rows.subList(0, query.size());
      LinkSummary last = rows.get(rows.size() - 1);
      next = new Cursor(last.clicks(), last.id()).format(byClicks);
    }
    return new Page(List.copyOf(rows), next);
  }

  /** One numbered page of ids in the order asked, and how many links match in all. */
  public record IdPage(List<Long> ids, long total) {}

  /** The page {@code query} asks for, as of {@code now} (for the end of validity). */
  public IdPage page(ShortUrlQuery query, long now) {
    StringBuilder where = new StringBuilder(" FROM link WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    text(query.text(), where, parameters);
    if (!query.tags().isEmpty()) {
      String marks = "?,".repeat(query.tags().size());
      where
          .append(
              " AND id IN (SELECT lt.link_id FROM link_tag lt JOIN tag t ON t.id = lt.tag_id"
                  + " WHERE t.name IN (")
          .append(marks, 0, marks.length() - 1)
          .append(')');
      if (query.allTags()) {
        where.append(" GROUP BY lt.link_id HAVING COUNT(*) = ").append(query.tags().size());
      }
      where.append(')');
      parameters.addAll(query.tags());
    }
    if (query.createdFrom() != null) {
      where.append(" AND created >= ?");
      parameters.add(query.createdFrom());
    }
    if (query.createdUntil() != null) {
      where.append(" AND created <= ?");
      parameters.add(query.createdUntil());
    }
    if (query.excludeMaxVisitsReached()) {
      where.append(" AND (max_visits IS NULL OR clicks < max_visits)");
    }
    if (query.excludePastValidUntil()) {
      where.append(" AND (valid_until IS NULL OR valid_until >= ?)");
      parameters.add(now);
    }
    String direction = query.descending() ? " DESC" : " ASC";
    String order =
        switch (query.order()) {
          case DATE_CREATED -> "id" + direction;
          case SHORT_CODE -> "alias IS NULL, alias" + direction + ", id" + direction;
          case LONG_URL -> "original" + direction + ", id" + direction;
          case TITLE -> "COALESCE(title, '')" + direction + ", id" + direction;
          case VISITS -> "clicks" + direction + ", id" + direction;
        };
    List<Object> paged = new ArrayList<>(parameters);
    paged.add(query.perPage());
    paged.add((long) (query.page() - 1) * query.perPage());
    try (Connection connection = database.getConnection()) {
      List<Long> ids = new ArrayList<>();
      try (PreparedStatement select =
              prepare(
                  connection,
                  "SELECT id" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?",
                  paged);
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      String counted = "SELECT COUNT(*)" + where;
      String key = counted + " " + parameters;
      Long total = totals.getIfPresent(key);
      if (total == null) {
        try (PreparedStatement count = prepare(connection, counted, parameters);
            ResultSet row = count.executeQuery()) {
          row.next();
          total = row.getLong(1);
        }
        totals.put(key, total);
      }
      return new IdPage(List.copyOf(ids), total);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the links", e);
    }
  }

  /** Every link write makes the remembered totals of the API's list wrong: they go. */
  public void forgetTotals() {
    totals.invalidateAll();
  }

  void created(@Observes LinkCreated created) {
    forgetTotals();
  }

  void changed(@Observes LinkChanged changed) {
    forgetTotals();
  }

  /** A tag, how many links have it, and their clicks. */
  public record TagStats(String name, long links, long clicks) {}

  /** Every tag by name, with its counts. */
  public List<TagStats> tags() {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT t.name, COUNT(l.id), COALESCE(SUM(l.clicks), 0) FROM tag t"
                    + " LEFT JOIN link_tag lt ON lt.tag_id = t.id"
                    + " LEFT JOIN link l ON l.id = lt.link_id"
                    + " GROUP BY t.id ORDER BY t.name");
        ResultSet rows = query.executeQuery()) {
      List<TagStats> tags = new ArrayList<>();
      while (rows.next()) {
        tags.add(new TagStats(rows.getString(1), rows.getLong(2), rows.getLong(3)));
      }
      return tags;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the tags", e);
    }
  }

  /** The newest link to {@code original}, with {@code alias} if not null. */
  public Optional<Long> existing(String original, String alias) {
    String sql =
        "SELECT id FROM link WHERE original = ?"
            + (alias == null ? "" : " AND alias = ?")
            + " ORDER BY id DESC LIMIT 1";
    List<Object> parameters = alias == null ? List.of(original) : List.of(original, alias);
    try (Connection connection = database.getConnection();
        PreparedStatement query = prepare(connection, sql, parameters);
        ResultSet row = query.executeQuery()) {
      return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look a link up", e);
    }
  }

  /** Every click of every link folded so far. */
  public long totalClicks() {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT COALESCE(SUM(clicks), 0) FROM link");
        ResultSet row = query.executeQuery()) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count the clicks", e);
    }
  }

  private static PreparedStatement prepare(
      Connection connection, String sql, List<Object> parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < parameters.size(); i++) {
      statement.setObject(i + 1, parameters.get(i));
    }
    return statement;
  }

  private void text(String text, StringBuilder sql, List<Object> parameters) {
    String value = text == null ? "" : text.strip();
    if (value.isEmpty()) {
      return;
    }
    sql.append(" AND (alias = ?");
    parameters.add(value);
    long id = codes.decode(value);
    if (id != ShortCodes.INVALID) {
      sql.append(" OR id = ?");
      parameters.add(id);
    }
    sql.append(
        " OR id IN (SELECT lt.link_id FROM link_tag lt JOIN tag t ON t.id = lt.tag_id"
            + " WHERE LOWER(t.name) = LOWER(?))");
    parameters.add(value);
    if (value.length() >= MIN_TEXT) {
      sql.append(" OR ");
      dialect.textMatch(value, sql, parameters);
    }
    sql.append(')');
  }

  private void state(LinkQuery.State state, long now, StringBuilder sql, List<Object> parameters) {
    String enabled = " AND disabled = " + dialect.truth(false);
    switch (state) {
      case DISABLED -> sql.append(" AND disabled = ").append(dialect.truth(true));
      case ACTIVE -> {
        sql.append(enabled)
            .append(
                " AND (valid_from IS NULL OR valid_from <= ?)"
                    + " AND (valid_until IS NULL OR valid_until > ?)"
                    + " AND (max_visits IS NULL OR clicks < max_visits)");
        parameters.add(now);
        parameters.add(now);
      }
      case EXPIRED -> {
        // The first term is the partial index link_limited's own, so SQLite reads that index.
        sql.append(
            " AND (valid_until IS NOT NULL OR max_visits IS NOT NULL)"
                + enabled
                + " AND ((valid_until IS NOT NULL AND valid_until <= ?)"
                + " OR (max_visits IS NOT NULL AND clicks >= max_visits))");
        parameters.add(now);
      }
      case SCHEDULED -> {
        sql.append(" AND valid_from IS NOT NULL").append(enabled).append(" AND valid_from > ?");
        parameters.add(now);
      }
      case ALL -> {
        // no condition
      }
    }
  }

  private List<LinkSummary> read(String sql, List<Object> parameters) {
    try (Connection connection = database.getConnection()) {
      List<LinkSummary> untagged = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.size(); i++) {
          query.setObject(i + 1, parameters.get(i));
        }
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            untagged.add(
                new LinkSummary(
                    rows.getLong(1),
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    rows.getLong(5),
                    rows.getLong(6),
                    rows.getBoolean(7),
                    nullable(rows, 8),
                    nullable(rows, 9),
                    nullable(rows, 10),
                    rows.getBoolean(11),
                    List.of()));
          }
        }
      }
      Map<Long, List<String>> tags = tags(connection, untagged);
      return untagged.stream()
          .map(link -> link.withTags(tags.getOrDefault(link.id(), List.of())))
          .toList();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the links", e);
    }
  }

  /** The tags of the page's links, in one query. */
  private static Map<Long, List<String>> tags(Connection connection, List<LinkSummary> links)
      throws SQLException {
    Map<Long, List<String>> tags = new HashMap<>();
    if (links.isEmpty()) {
      return tags;
    }
    String marks = "?,".repeat(links.size());
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT lt.link_id, t.name FROM link_tag lt JOIN tag t ON t.id = lt.tag_id"
                + " WHERE lt.link_id IN ("
                + marks.substring(0, marks.length() - 1)
                + ") ORDER BY t.name")) {
      for (int i = 0; i < links.size(); i++) {
        query.setLong(i + 1, links.get(i).id());
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          tags.computeIfAbsent(rows.getLong(1), any -> new ArrayList<>()).add(rows.getString(2));
        }
      }
    }
    return tags;
  }

  private static Long nullable(ResultSet row, int column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  /** Where a page starts: after the row with these clicks and this id. */
  record Cursor(long clicks, long id) {

    static Cursor parse(String text) {
      if (text == null || text.isBlank()) {
        return null;
      }
      try {
        int dot = text.indexOf('.');
        return dot < 0
            ? new Cursor(0, Long.parseLong(text))
            : new Cursor(
                Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
      } catch (NumberFormatException garbage) {
        return null;
      }
    }

    String format(boolean withClicks) {
      return withClicks ? clicks + "." + id : Long.toString(id);
    }
  }
}
