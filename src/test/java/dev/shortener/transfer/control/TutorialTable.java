package dev.shortener.transfer.control;

/**
 * The Flask tutorial's one table as Prisma's migration made it in SQLite: what every test of the
 * tutorial's import builds its {@code database.db} from. (bench/import.sh writes the same table.)
 */
public final class TutorialTable {

  /** The statement that creates the table. */
  public static final String DDL =
      "CREATE TABLE \"Url\" (\"id\" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,"
          + " \"created\" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,"
          + " \"original\" TEXT NOT NULL, \"clicks\" INTEGER NOT NULL DEFAULT 0)";

  private TutorialTable() {}
}
