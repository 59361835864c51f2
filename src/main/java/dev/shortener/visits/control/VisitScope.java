package dev.shortener.visits.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Whose visits a list reads: one link's, every link's, the orphan visits', or those of the links
 * with a tag. Gives the condition on {@code visit} rows and on {@code visit_day} rows.
 */
public record VisitScope(long link, String tag) {

  /** Every link's visits: their aggregates are stored under link 0. */
  public static final VisitScope ALL = new VisitScope(VisitStats.ALL_LINKS, null);

  /** The orphan visits. */
  public static final VisitScope ORPHANS = new VisitScope(VisitStats.ORPHANS, null);

  /** The visits of link {@code id}. */
  public static VisitScope link(long id) {
    return new VisitScope(id, null);
  }

  /** The visits of the links tagged {@code name}. */
  public static VisitScope tag(String name) {
    return new VisitScope(0, name);
  }

  /** The condition on {@code visit v}, with one parameter or none. */
  String visits() {
    if (tag != null) {
      return "v.link_id IN (SELECT lt.link_id FROM link_tag lt JOIN tag t ON t.id = lt.tag_id"
          + " WHERE t.name = ?)";
    }
    if (link == VisitStats.ORPHANS) {
      return "v.link_id IS NULL";
    }
    return link == VisitStats.ALL_LINKS ? "v.link_id IS NOT NULL" : "v.link_id = ?";
  }

  /** The condition on {@code visit_day d}, with one parameter. */
  String days() {
    return tag != null
        ? "d.link_id IN (SELECT lt.link_id FROM link_tag lt JOIN tag t ON t.id = lt.tag_id"
            + " WHERE t.name = ?)"
        : "d.link_id = ?";
  }

  /** Sets the parameter of {@link #visits} (if it has one) or {@link #days} at {@code index}. */
  int bind(PreparedStatement statement, int index, boolean rows) throws SQLException {
    if (tag != null) {
      statement.setString(index, tag);
      return index + 1;
    }
    if (rows && (link == VisitStats.ORPHANS || link == VisitStats.ALL_LINKS)) {
      return index;
    }
    statement.setLong(index, link);
    return index + 1;
  }
}
