package dev.shortener.platform;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * Gives EclipseLink the configured database's platform: persistence.xml names SQLite's, which this
 * replaces on PostgreSQL, since a persistence unit's properties are fixed when the WAR is built.
 */
public class DialectCustomizer implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    Dialect dialect = Dialect.configured();
    if (dialect != Dialect.SQLITE) {
      session.getDatasourceLogin().setDatasourcePlatform(dialect.eclipseLink());
    }
  }
}
