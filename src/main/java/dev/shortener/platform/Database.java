package dev.shortener.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the application's one datasource: the SQLite file {@code shortener.db} in the data
 * directory.
 *
 * <p>The URL uses a {@code ${shortener.data.dir}} system-property placeholder because that is the one
 * syntax both Payara and TomEE resolve; when no such property is set, {@link SQLiteFileDataSource}
 * fills it in from {@code SHORTENER_DATA_DIR} or the default {@code ./data}. SQLite has one writer at
 * a time, so a handful of pooled connections is plenty.
 */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "dev.shortener.platform.SQLiteFileDataSource",
    url = "jdbc:sqlite:${shortener.data.dir}/shortener.db",
    minPoolSize = 2,
    maxPoolSize = 16)
@ApplicationScoped
public class Database {

  /** Where the datasource is bound; persistence.xml names it too. */
  public static final String JNDI_NAME = "java:app/jdbc/shortener";
}
