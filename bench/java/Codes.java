import dev.shortener.links.control.ShortCodes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the short codes of ids 1..N, one a line, with the product's own {@link ShortCodes}, so the
 * benchmark's code list matches what the server decodes for the same salt.
 *
 * <p>Usage: {@code java -cp target/classes:hashids.jar bench/java/Codes.java SALT MIN_LENGTH N
 * FILE}
 */
public class Codes {
  public static void main(String[] args) throws IOException {
    ShortCodes codes = new ShortCodes(args[0], Integer.parseInt(args[1]));
    long n = Long.parseLong(args[2]);
    try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[3]))) {
      for (long id = 1; id <= n; id++) {
        out.write(codes.encode(id));
        out.write('\n');
      }
    }
  }
}
