package dev.shortener.platform;

import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.internal.expressions.ExpressionSQLPrinter;
import org.eclipse.persistence.internal.expressions.SQLSelectStatement;
import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * Teaches EclipseLink the bits of SQLite it needs, since EclipseLink ships no SQLite platform.
 *
 * <p>Selected in persistence.xml with {@code eclipselink.target-database}. IDENTITY ids come from
 * {@code last_insert_rowid()} on the inserting connection; paging is pushed into SQL as {@code
 * LIMIT offset, count} (the generic platform would read and skip rows in Java, hopeless at a
 * million links); SQLite locks whole databases, so there is no {@code FOR UPDATE} to print.
 */
public class SQLitePlatform extends DatabasePlatform {

  private static final long serialVersionUID = 1L;

  /** Creates the platform; EclipseLink instantiates it by class name. */
  public SQLitePlatform() {
    this.pingSQL = "SELECT 1";
  }

  @Override
  public boolean supportsIdentity() {
    return true;
  }

  @Override
  public ValueReadQuery buildSelectQueryForIdentity() {
    return new ValueReadQuery("SELECT last_insert_rowid()");
  }

  @Override
  public String getSelectForUpdateString() {
    return "";
  }

  @Override
  public boolean shouldPrintForUpdateClause() {
    return false;
  }

  @Override
  public boolean supportsForeignKeyConstraints() {
    return false;
  }

  @Override
  public void printSQLSelectStatement(
      DatabaseCall call, ExpressionSQLPrinter printer, SQLSelectStatement statement) {
    int maxRows = 0;
    int firstRow = 0;
    if (statement.getQuery() != null) {
      maxRows = statement.getQuery().getMaxRows();
      firstRow = statement.getQuery().getFirstResult();
    }
    if (maxRows <= 0 && firstRow <= 0) {
      super.printSQLSelectStatement(call, printer, statement);
      return;
    }
    statement.setUseUniqueFieldAliases(true);
    call.setFields(statement.printSQL(printer));
    printer.printString(" LIMIT ");
    printer.printParameter(DatabaseCall.FIRSTRESULT_FIELD);
    printer.printString(", ");
    printer.printParameter(DatabaseCall.MAXROW_FIELD);
    call.setIgnoreFirstRowSetting(true);
    call.setIgnoreMaxResultsSetting(true);
  }

  /** EclipseLink passes first + max as the row limit; SQLite's LIMIT wants the count alone. */
  @Override
  public int computeMaxRowsForSQL(int firstResultIndex, int maxResults) {
    return maxResults - Math.max(firstResultIndex, 0);
  }
}
