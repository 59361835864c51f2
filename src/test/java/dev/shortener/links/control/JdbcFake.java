package dev.shortener.links.control;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A database for unit tests of the JDBC code: it records the click rows appended and the folds run,
 * commits what a transaction wrote and forgets what it rolled back, or fails every connection while
 * {@link #down} is set.
 */
final class JdbcFake {

  /** Committed click rows: link id to clicks, summed over every committed append. */
  final Map<Long, Long> committed = new HashMap<>();

  int folds;
  boolean down;

  /** Whether the next batch fails while being written, after its rows were sent. */
  boolean failNextBatch;

  private final List<long[]> pending = new ArrayList<>();
  private final List<long[]> batch = new ArrayList<>();
  private final long[] row = new long[2];

  DataSource dataSource() {
    return proxy(
        DataSource.class,
        (method, args) -> {
          if (method.equals("getConnection")) {
            if (down) {
              throw new SQLException("database down");
            }
            return connection();
          }
          throw new UnsupportedOperationException(method);
        });
  }

  private Connection connection() {
    return proxy(
        Connection.class,
        (method, args) -> {
          switch (method) {
            case "prepareStatement":
              return statement();
            case "createStatement":
              return proxy(
                  Statement.class,
                  (m, a) -> {
                    if (m.equals("executeUpdate")) {
                      if (((String) a[0]).startsWith("UPDATE link")) {
                        folds++;
                      }
                      return 0;
                    }
                    return m.equals("close") ? null : unsupported(m);
                  });
            case "commit":
              pending.forEach(r -> committed.merge(r[0], r[1], Long::sum));
              pending.clear();
              return null;
            case "setSavepoint":
              int mark = pending.size();
              return proxy(Savepoint.class, (m, a) -> m.equals("getSavepointId") ? mark : null);
            case "rollback":
              if (args != null && args.length == 1) {
                int kept = ((Savepoint) args[0]).getSavepointId();
                pending.subList(kept, pending.size()).clear();
              } else {
                pending.clear();
              }
              return null;
            case "releaseSavepoint":
            case "setAutoCommit":
            case "close":
              return null;
            default:
              return unsupported(method);
          }
        });
  }

  private PreparedStatement statement() {
    return proxy(
        PreparedStatement.class,
        (method, args) -> {
          switch (method) {
            case "setLong":
              row[(Integer) args[0] - 1] = (Long) args[1];
              return null;
            case "addBatch":
              batch.add(row.clone());
              return null;
            case "executeBatch":
              pending.addAll(batch);
              if (failNextBatch) {
                failNextBatch = false;
                batch.clear();
                throw new SQLException("disk full");
              }
              int[] counts = new int[batch.size()];
              batch.clear();
              return counts;
            case "close":
              return null;
            default:
              return unsupported(method);
          }
        });
  }

  private static Object unsupported(String method) {
    throw new UnsupportedOperationException(method);
  }

  private interface Handler {
    Object handle(String method, Object[] args) throws Exception;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Handler handler) {
    return (T)
        Proxy.newProxyInstance(
            JdbcFake.class.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals("toString")) {
                return "fake " + type.getSimpleName();
              }
              return handler.handle(method.getName(), args);
            });
  }
}
