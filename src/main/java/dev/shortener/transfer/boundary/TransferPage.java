package dev.shortener.transfer.boundary;

import dev.shortener.platform.Dialect;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The admin's {@code /admin/import} page: the exports, and the backup where SQLite is used (the
 * imports come here next).
 */
@Named
@RequestScoped
public class TransferPage {

  /**
   * Whether {@code /admin/backup.zip} can copy the database (SQLite), or pg_dump must (PostgreSQL).
   */
  public boolean isBackupOffered() {
    return Dialect.configured() == Dialect.SQLITE;
  }
}
