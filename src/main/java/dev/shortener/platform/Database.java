package dev.shortener.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Declares the application's one datasource: the SQLite file {@code shortener.db} in the data
 * directory, or the PostgreSQL database {@link Setting#DATABASE_URL} names ({@link
 * ConfiguredDataSource} opens the connections, {@link Dialect} says what differs).
 *
 * <p>The URL uses a {@code ${shortener.data.dir}} system-property placeholder because that is the
 * one syntax both Payara and TomEE resolve; when no such property is set, {@link
 * SQLiteFileDataSource} fills it in from {@code SHORTENER_DATA_DIR} or the default {@code ./data}.
 * SQLite has one writer at a time, so a handful of pooled connections is plenty; on PostgreSQL they
 * all work at once.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "dev.shortener.platform.ConfiguredDataSource",
    url = "jdbc:sqlite:${shortener.data.dir}/" + Database.FILE,
    minPoolSize = 2,
    maxPoolSize = 16,
    // After a database restart every pooled connection is dead, and only a round trip tells: the
    // driver does not know its socket was closed until it reads. So each connection is checked
    // with Connection.isValid before it is handed out (on PostgreSQL an empty query, on SQLite a
    // "select 1" in memory), on Payara one that fails takes all the others with it, and no request
    // after the restart gets a dead one. (Payara's "meta-data" check passed dead PostgreSQL
    // connections: ClusterIT saw one failed request per server after a restart.)
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=custom-validation",
      "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
      "fish.payara.fail-all-connections=true",
      "TestOnBorrow=true",
      "ValidationInterval=0"
    })
@ApplicationScoped
public class Database {

  /** Where the datasource is bound; persistence.xml names it too. */
  public static final String JNDI_NAME = "java:app/jdbc/shortener";

  /** The database file's name inside the data directory. */
  public static final String FILE = "shortener.db";

  /**
   * A connection of its own to the same database, with the same settings, outside the server's
   * pool: for the last writes while the application stops, when Payara Micro has already taken the
   * pool down ("No Pool Meta Data object associated with the pool" on SIGTERM).
   */
  public static Connection openDirectly() throws SQLException {
    return ConfiguredDataSource.direct(
            "jdbc:sqlite:" + Path.of(Setting.DATA_DIR.value().orElseThrow(), FILE))
        .getConnection();
  }

  /** Binds {@code value} to parameter {@code index}, or SQL NULL when there is none. */
  public static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
