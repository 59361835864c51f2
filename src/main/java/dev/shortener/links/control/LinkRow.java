package dev.shortener.links.control;

/**
 * One row of the {@code link} table as plain JDBC reads it for the redirect cache: what a redirect
 * needs to know, nothing more. Times are epoch milliseconds, nulls are absent values.
 */
public record LinkRow(
    long id,
    String original,
    String alias,
    boolean disabled,
    Long validFrom,
    Long validUntil,
    Long maxVisits,
    String fallbackUrl,
    String passwordHash,
    int redirectType,
    boolean forwardQuery,
    boolean crawlable) {

  /** The columns, in the order of {@link #read}. */
  static final String COLUMNS =
      "id, original, alias, disabled, valid_from, valid_until, max_visits, fallback_url,"
          + " password_hash, redirect_type, forward_query, crawlable";

  /** The row of link {@code id}, just written with {@code values}. */
  public static LinkRow of(long id, LinkValues values) {
    return new LinkRow(
        id,
        values.original(),
        values.alias(),
        values.disabled(),
        values.validFrom(),
        values.validUntil(),
        values.maxVisits(),
        values.fallbackUrl(),
        values.passwordHash(),
        values.redirectType(),
        values.forwardQuery(),
        values.crawlable());
  }

  /** The row a result set stands on, with the columns of {@link #COLUMNS}. */
  static LinkRow read(java.sql.ResultSet row) throws java.sql.SQLException {
    return new LinkRow(
        row.getLong(1),
        row.getString(2),
        row.getString(3),
        row.getBoolean(4),
        nullableLong(row, 5),
        nullableLong(row, 6),
        nullableLong(row, 7),
        row.getString(8),
        row.getString(9),
        row.getInt(10),
        row.getBoolean(11),
        row.getBoolean(12));
  }

  private static Long nullableLong(java.sql.ResultSet row, int column)
      throws java.sql.SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }
}
