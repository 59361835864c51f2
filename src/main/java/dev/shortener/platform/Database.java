package dev.shortener.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Declares the application's one database, as two pools: the SQLite file {@code shortener.db} in
 * the data directory, or the PostgreSQL database {@link Setting#DATABASE_URL} names ({@link
 * ConfiguredDataSource} opens the connections, {@link Dialect} says what differs). The JTA pool
 * does the work; the small non-JTA one is the persistence unit's for reads outside a transaction.
 *
 * <p>The URL uses a {@code ${shortener.data.dir}} system-property placeholder because that is the
 * one syntax both Payara and TomEE resolve; when no such property is set, {@link
 * SQLiteFileDataSource} fills it in from {@code SHORTENER_DATA_DIR} or the default {@code ./data}.
 * SQLite has one writer at a time, so a handful of pooled connections is plenty; on PostgreSQL they
 * all work at once.
 */
@DataSourceDefinitions({
  @DataSourceDefinition(
      name = Database.JNDI_NAME,
      className = Database.CLASS_NAME,
      url = Database.URL,
      minPoolSize = 2,
      maxPoolSize = 16,
      properties = {
        Database.PAYARA_VALIDATE,
        Database.PAYARA_VALIDATION_METHOD,
        Database.PAYARA_VALIDATION_CLASS,
        Database.PAYARA_FAIL_ALL,
        Database.TOMEE_TEST_ON_BORROW,
        Database.TOMEE_VALIDATION_INTERVAL
      }),
  // The persistence unit's non-JTA datasource, declared so that no server makes one up: TomEE
  // would copy the one above into a pool that outlives the application. After a redeployment the
  // new application then used the old one's pool, with the old class loader's copy of SQLite's
  // native library: two SQLite libraries in one process do not see each other's file locks, and
  // a backup's VACUUM INTO failed with SQLITE_IOERR_SHORT_READ while the other checkpointed.
  @DataSourceDefinition(
      name = Database.NON_JTA_JNDI_NAME,
      className = Database.CLASS_NAME,
      url = Database.URL,
      transactional = false,
      minPoolSize = 0,
      maxPoolSize = 4,
      properties = {
        Database.PAYARA_VALIDATE,
        Database.PAYARA_VALIDATION_METHOD,
        Database.PAYARA_VALIDATION_CLASS,
        Database.PAYARA_FAIL_ALL,
        Database.TOMEE_TEST_ON_BORROW,
        Database.TOMEE_VALIDATION_INTERVAL
      })
})
@ApplicationScoped
public class Database {

  /** Where the datasource is bound; persistence.xml names it too. */
  public static final String JNDI_NAME = "java:app/jdbc/shortener";

  /** The same database without JTA, for the persistence unit's reads outside a transaction. */
  public static final String NON_JTA_JNDI_NAME = "java:app/jdbc/shortenerNonJta";

  static final String CLASS_NAME = "dev.shortener.platform.ConfiguredDataSource";

  static final String URL = "jdbc:sqlite:${shortener.data.dir}/" + Database.FILE;

  // After a database restart every pooled connection is dead, and only a round trip tells: the
  // driver does not know its socket was closed until it reads. So each connection is checked with
  // Connection.isValid before it is handed out (on PostgreSQL an empty query, on SQLite a "select
  // 1" in memory), on Payara one that fails takes all the others with it, and no request after the
  // restart gets a dead one. (Payara's "meta-data" check passed dead PostgreSQL connections:
  // ClusterIT saw one failed request per server after a restart.)
  static final String PAYARA_VALIDATE = "fish.payara.is-connection-validation-required=true";
  static final String PAYARA_VALIDATION_METHOD =
      "fish.payara.connection-validation-method=custom-validation";
  static final String PAYARA_VALIDATION_CLASS =
      "fish.payara.validation-classname="
          + "org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation";
  static final String PAYARA_FAIL_ALL = "fish.payara.fail-all-connections=true";
  static final String TOMEE_TEST_ON_BORROW = "TestOnBorrow=true";
  static final String TOMEE_VALIDATION_INTERVAL = "ValidationInterval=0";

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
