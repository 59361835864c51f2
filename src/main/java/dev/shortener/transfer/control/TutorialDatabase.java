package dev.shortener.transfer.control;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The Flask tutorial's {@code database.db}, opened read-only: Prisma's table {@code Url} with
 * {@code id}, {@code created}, {@code original} and {@code clicks}. Its rows are read in id order,
 * a batch at a time, each with the id its short code was made from.
 *
 * <p>{@code created} is what Prisma writes into SQLite (integer milliseconds since the epoch) or
 * text: SQLite's {@code CURRENT_TIMESTAMP} ({@code 2024-05-01 12:30:00}, UTC) or ISO 8601 (UTC when
 * it names no offset). Each becomes epoch milliseconds; anything else is passed on as it is, for
 * the check to refuse.
 */
public final class TutorialDatabase implements AutoCloseable {

  private static final String TABLE = "Url";
  private static final Set<String> COLUMNS = Set.of("id", "created", "original", "clicks");

  private static final DateTimeFormatter SQLITE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss[.SSS]", Locale.ROOT);

  private final Connection connection;

  private TutorialDatabase(Connection connection) {
    this.connection = connection;
  }

  /**
   * Opens {@code file}.
   *
   * @throws IllegalArgumentException if it is no SQLite database with the tutorial's table
   */
  public static TutorialDatabase open(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    Connection connection = null;
    try {
      connection = source.getConnection();
      Set<String> columns = new HashSet<>();
      try (Statement query = connection.createStatement();
          ResultSet rows = query.executeQuery("PRAGMA table_info(\"" + TABLE + "\")")) {
        while (rows.next()) {
          columns.add(rows.getString("name").toLowerCase(Locale.ROOT));
        }
      }
      if (!columns.containsAll(COLUMNS)) {
        throw new IllegalArgumentException(
            "This SQLite database has no table Url with the columns id, created, original and"
                + " clicks: is it the Flask tutorial's database.db?");
      }
      return new TutorialDatabase(connection);
    } catch (SQLException e) {
      close(connection);
      throw new IllegalArgumentException(
          "This file is not a SQLite database that can be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close(connection);
      throw e;
    }
  }

  /** How many rows the table has. */
  public long count() throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet row = query.executeQuery("SELECT COUNT(*) FROM \"" + TABLE + "\"")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The next at most {@code limit} rows whose id is above {@code after}, in id order. */
  public List<ImportRow> after(long after, int limit) throws SQLException {
    List<ImportRow> rows = new ArrayList<>(limit);
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, created, original, clicks FROM \""
                + TABLE
                + "\" WHERE id > ? ORDER BY id LIMIT ?")) {
      query.setLong(1, after);
      query.setInt(2, limit);
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          long id = row.getLong(1);
          Map<ImportField, String> values = new EnumMap<>(ImportField.class);
          values.put(ImportField.CREATED, created(row.getObject(2)));
          values.put(ImportField.DESTINATION, row.getString(3));
          values.put(ImportField.CLICKS, row.getString(4));
          rows.add(new ImportRow(id, id, values));
        }
      }
    }
    return rows;
  }

  /** {@code created} as epoch milliseconds, if it is in one of the tutorial's forms. */
  static String created(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      return Long.toString(number.longValue());
    }
    String text = value.toString().strip();
    try {
      return Long.toString(OffsetDateTime.parse(text).toInstant().toEpochMilli());
    } catch (DateTimeParseException withoutOffset) {
      for (DateTimeFormatter form : List.of(SQLITE, DateTimeFormatter.ISO_LOCAL_DATE_TIME)) {
        try {
          return Long.toString(
              LocalDateTime.parse(text, form).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException notThisForm) {
          // the next one, or the text as it is
        }
      }
      return text;
    }
  }

  @Override
  public void close() {
    close(connection);
  }

  private static void close(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // read-only: nothing is lost
    }
  }
}
