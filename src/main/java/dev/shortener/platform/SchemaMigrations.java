package dev.shortener.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database's schema up to this release's with Flyway, once, when the application starts
 * and before anything else touches the database; then fires {@link SchemaReady}, which starts
 * everything that reads it at start (the redirect cache's preload) and, through {@code @DependsOn},
 * the click flush.
 *
 * <p>The migrations are {@code db/migration/sqlite/V<n>__*.sql} in the WAR, and the same versions
 * for PostgreSQL in {@code db/migration/postgresql}. Flyway locks its history table while it
 * migrates, so app servers starting at once on one empty PostgreSQL database migrate it once. A
 * data directory of the first release (tables {@code url} and {@code click}, no history table) is
 * taken as version 1 and upgraded in place. A database that a newer release has migrated beyond
 * what this one knows stops the start: running on a schema it does not know could lose data.
 *
 * <p>Bean-managed transactions, so that Flyway runs its own (and SQLite's DDL) outside any
 * container transaction; the WAR's class loader is passed explicitly, because Flyway's default, the
 * thread's context loader, is not the WAR's on every server during start-up.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

  private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource database;

  @Inject Event<SchemaReady> ready;

  @PostConstruct
  void migrate() {
    Flyway flyway = flyway(database);
    refuseNewerSchema(flyway.info().applied());
    MigrateResult result = flyway.migrate();
    Optional<String> importing = Setting.IMPORT_SQLITE_DIR.value();
    if (importing.isPresent()) {
      importSqlite(Path.of(importing.get()));
    }
    LOG.info(
        () ->
            "Database schema at version "
                + flyway.info().current().getVersion()
                + (result.migrationsExecuted == 0
                    ? ", nothing to migrate"
                    : " after " + result.migrationsExecuted + " migration(s)"));
    ready.fire(new SchemaReady());
  }

  private void importSqlite(Path folder) {
    if (Dialect.configured() != Dialect.POSTGRESQL) {
      throw new IllegalStateException(
          "SHORTENER_IMPORT_SQLITE_DIR imports into PostgreSQL: set SHORTENER_DATABASE_URL too");
    }
    try (Connection connection = Database.openDirectly()) {
      SqliteImport.into(connection, folder);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not import " + folder.toAbsolutePath(), e);
    }
  }

  /** Flyway for {@code database}, with this release's migrations. */
  public static Flyway flyway(DataSource database) {
    return flyway(database, Dialect.configured());
  }

  /**
   * Flyway for {@code database} of {@code dialect}. Only SQLite has a first release from before
   * Flyway to take as version 1; a PostgreSQL database starts empty.
   */
  public static Flyway flyway(DataSource database, Dialect dialect) {
    return Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(database)
        .locations(dialect.migrations())
        .baselineOnMigrate(dialect == Dialect.SQLITE)
        .baselineVersion("1")
        .baselineDescription("release 1, before Flyway")
        .load();
  }

  /** Stops the start on a schema that a newer release migrated beyond what this one knows. */
  static void refuseNewerSchema(MigrationInfo[] applied) {
    Arrays.stream(applied)
        .filter(
            migration ->
                migration.getState() == MigrationState.FUTURE_SUCCESS
                    || migration.getState() == MigrationState.FUTURE_FAILED)
        .reduce((first, last) -> last)
        .ifPresent(
            newest -> {
              throw new IllegalStateException(
                  "The database was upgraded by a newer release of the shortener (schema version "
                      + newest.getVersion()
                      + ", \""
                      + newest.getDescription()
                      + "\"), which this release does not know. Run that release, or restore the"
                      + " backup of the data directory made before the upgrade.");
            });
  }
}
