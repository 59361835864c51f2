package dev.shortener.platform;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work that rides on the click flush's transaction, so that what it writes and the click counts are
 * stored together or not at all. The flush asks every bean of this type, each interval, on its one
 * thread.
 */
public interface FlushWork {

  /** What waits to be written with this flush, or null when nothing does. */
  Batch take();

  /** One flush's share of the work. */
  interface Batch {

    /** Writes the batch inside the flush's transaction, which commits after every batch wrote. */
    void write(Connection connection) throws SQLException;

    /** The transaction committed. */
    void committed();

    /** The transaction rolled back: keep the batch for the next flush. */
    void putBack();
  }
}
