package dev.shortener.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The datasource class the servers pool ({@link Database}): it opens connections to the database
 * {@link Setting#DATABASE_URL} names, the SQLite file in the data directory by default or a
 * PostgreSQL database, so that one WAR with one {@code @DataSourceDefinition} runs on either. The
 * server sets the SQLite URL of the definition; a configured URL wins over it.
 */
public class ConfiguredDataSource implements DataSource {

  private String url;
  private volatile DataSource target;
  private PrintWriter logWriter;
  private int loginTimeout;

  /** The URL of the datasource definition, which applies when no database is configured. */
  public void setUrl(String url) {
    this.url = url;
  }

  /** The definition's URL, as the server set it. */
  public String getUrl() {
    return url;
  }

  /**
   * An unpooled datasource for the configured database, for the few connections made outside the
   * server's pool (the last click flush while the application stops).
   */
  static DataSource direct(String definitionUrl) {
    String configured = Setting.DATABASE_URL.value().orElse(null);
    if (Dialect.of(configured) == Dialect.POSTGRESQL) {
      PostgresqlSource postgresql = new PostgresqlSource();
      postgresql.setURL(configured);
      Setting.DATABASE_USER.value().ifPresent(postgresql::setUser);
      Setting.DATABASE_PASSWORD.value().ifPresent(postgresql::setPassword);
      postgresql.setApplicationName("shortener");
      return postgresql;
    }
    SQLiteFileDataSource sqlite = new SQLiteFileDataSource();
    sqlite.setUrl(configured != null ? configured : definitionUrl);
    return sqlite;
  }

  private DataSource target() {
    DataSource chosen = target;
    if (chosen == null) {
      synchronized (this) {
        if (target == null) {
          target = direct(url);
        }
        chosen = target;
      }
    }
    return chosen;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target().getConnection();
  }

  /** The server passes no credentials of its own; the configured ones apply. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target().getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("No parent logger");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return target().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target().isWrapperFor(type);
  }

  /**
   * PostgreSQL's datasource, connecting through the WAR's own driver instead of {@code
   * DriverManager}, which on TomEE did not find a driver the web application had registered ("No
   * suitable driver found").
   */
  private static final class PostgresqlSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;

    private static final Driver DRIVER = new Driver();

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      Properties info = new Properties();
      if (user != null) {
        info.setProperty("user", user);
      }
      if (password != null) {
        info.setProperty("password", password);
      }
      Connection connection = DRIVER.connect(getUrl(), info);
      if (connection == null) {
        throw new SQLException("Not a PostgreSQL URL: " + getURL().split("\\?", 2)[0]);
      }
      return connection;
    }
  }
}
