package dev.shortener.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The data directory ({@code SHORTENER_DATA_DIR}) and the files in it, readable by the server's own
 * user only: the folder {@code 700}, every file {@code 600}, whatever the process's umask. The
 * database holds every link and the salt decides every code; another local user has no business
 * reading either.
 *
 * <p>A folder or file left more open by an earlier release is tightened at start. On a file system
 * without POSIX permissions (Windows) nothing is changed.
 */
public final class DataDirectory {

  /** The file, inside the data directory, that keeps a generated Hashids salt. */
  public static final String SALT_FILE = "hashids-salt";

  private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());

  private static final Set<PosixFilePermission> OWNER_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  private DataDirectory() {}

  /** The configured data directory, created if missing, with every permission tightened. */
  public static Path prepare() {
    return prepare(Path.of(Setting.DATA_DIR.value().orElseThrow()));
  }

  /** {@code folder} as a data directory: created if missing, closed to other users. */
  public static Path prepare(Path folder) {
    Path absolute = folder.toAbsolutePath();
    try {
      Files.createDirectories(absolute);
      if (!posix(absolute)) {
        return absolute;
      }
      restrict(absolute, OWNER_DIRECTORY);
      try (Stream<Path> files = Files.list(absolute)) {
        for (Path file : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(file)) {
            restrict(file, OWNER_FILE);
          }
        }
      }
      return absolute;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the data directory " + absolute, e);
    }
  }

  /**
   * Creates {@code file} empty and readable by its owner only, unless it exists: SQLite gives its
   * {@code -wal} and {@code -shm} files the permissions of the database file.
   */
  public static void createPrivateFile(Path file) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    try {
      if (posix(file.getParent())) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException createdMeanwhile) {
      // another thread or node was first; its file is as private as ours would be
    }
  }

  /**
   * Writes {@code text} to {@code file} so that the file is either the old one or the whole new
   * one, even after a crash or power cut: a private temporary file, forced to disk, moved over the
   * old one in one step, and the move itself forced to disk through the folder.
   */
  public static void writeDurably(Path file, String text) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    Path temporary =
        posix(folder)
            ? Files.createTempFile(
                folder,
                file.getFileName().toString(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_FILE))
            : Files.createTempFile(folder, file.getFileName().toString(), ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
      channel.write(StandardCharsets.UTF_8.encode(text));
      channel.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException notSupported) {
      // Windows cannot open a folder for syncing; its moves are durable by themselves
    }
  }

  private static boolean posix(Path path) throws IOException {
    return Files.getFileStore(path).supportsFileAttributeView("posix");
  }

  private static void restrict(Path path, Set<PosixFilePermission> allowed) throws IOException {
    Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
    if (!allowed.containsAll(current)) {
      Files.setPosixFilePermissions(path, allowed);
      LOG.info(
          () ->
              "Closed "
                  + path
                  + " to other users (was "
                  + PosixFilePermissions.toString(current)
                  + ")");
    }
  }
}
