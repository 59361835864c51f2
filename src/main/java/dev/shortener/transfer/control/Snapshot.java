package dev.shortener.transfer.control;

import dev.shortener.platform.DataDirectory;
import dev.shortener.platform.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A backup of a SQLite data directory, as one zip: {@value Database#FILE} (a copy by SQLite's
 * {@code VACUUM INTO}, consistent as of one moment: it reads in one transaction, which in WAL mode
 * blocks no writer and no reader), {@value DataDirectory#SALT_FILE} (the salt every code is made
 * with, whether configured or generated) and {@value #SETTINGS} (the minimum length, and how to
 * restore). Unpacked into an empty data directory, it is the data directory it was taken from.
 */
public final class Snapshot {

  /** The zip's file of settings that codes depend on and of restore steps. */
  public static final String SETTINGS = "backup.properties";

  private Snapshot() {}

  /**
   * Copies the database of {@code connection} (autocommitted, with no statement open) into a new
   * private file in {@code folder} and returns the file, which the caller deletes.
   */
  public static Path copy(Connection connection, Path folder) throws SQLException, IOException {
    // A temporary file is the owner's alone on POSIX systems; VACUUM INTO fills the empty file,
    // keeping its permissions.
    Path copy = Files.createTempFile(folder, "backup-", ".db");
    try {
      try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
        vacuum.setString(1, copy.toString());
        vacuum.executeUpdate();
      }
      return copy;
    } catch (SQLException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
  }

  /**
   * Writes the zip of {@code copy}, for codes of {@code salt} and {@code minLength}, to {@code
   * out}.
   */
  public static void zip(Path copy, String salt, int minLength, Instant taken, OutputStream out)
      throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    // The fastest level still shrinks a database several times; the higher ones cost seconds per
    // gigabyte for a few per cent.
    zip.setLevel(Deflater.BEST_SPEED);
    zip.putNextEntry(new ZipEntry(Database.FILE));
    Files.copy(copy, zip);
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(DataDirectory.SALT_FILE));
    zip.write((salt + "\n").getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.putNextEntry(new ZipEntry(SETTINGS));
    zip.write(settings(minLength, taken).getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    zip.finish();
  }

  static String settings(int minLength, Instant taken) {
    return "# A backup of the shortener's data directory, taken "
        + taken
        + ".\n"
        + "# To restore: stop the server, unpack "
        + Database.FILE
        + " and "
        + DataDirectory.SALT_FILE
        + " into an empty data directory\n"
        + "# (SHORTENER_DATA_DIR) and start the server with the minimum length below and without\n"
        + "# SHORTENER_HASHIDS_SALT (or with the salt in "
        + DataDirectory.SALT_FILE
        + "): every code then leads where it did.\n"
        + "SHORTENER_HASHIDS_MIN_LENGTH="
        + minLength
        + "\n";
  }
}
