package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.admin.control.AnonymousFastPath;
import dev.shortener.links.control.ShortCodes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What happens across starts: settings from the environment alone, the data directory closed to
 * other users, the generated salt read back unchanged (every link depends on it), and a start that
 * stops with a clear message when the salt file is broken.
 */
class StartupIT {

  private static Path dataDir(String name) throws IOException {
    Path folder =
        Path.of(
                "target",
                "server-runs",
                name + "-data-" + (ServerProcess.onTomee() ? "tomee" : "payara"))
            .toAbsolutePath();
    ServerProcess.deleteTree(folder);
    return folder;
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void aDataDirectoryFromTheEnvironmentKeepsItsLinksAndClicksAcrossARestart() throws Exception {
    Path data = dataDir("restart");
    // Settings from the environment alone: no -D option names the data directory.
    Map<String, String> environment = ServerProcess.settings("SHORTENER_DATA_DIR", data.toString());
    String ascii = "https://example.com/restart/" + UUID.randomUUID();
    String unicode = "https://example.com/ünï/" + UUID.randomUUID();
    String newest = "https://example.com/newest/" + UUID.randomUUID();
    String asciiPath;
    String unicodePath;
    try (ServerProcess first = ServerProcess.start("restart-1", environment, Map.of())) {
      Site visitor = new Site(first.base());
      asciiPath = URI.create(visitor.shortLinkOf(ascii)).getPath();
      unicodePath = URI.create(visitor.shortLinkOf(unicode)).getPath();
      visitor.shortLinkOf(newest);
      for (int i = 0; i < 3; i++) {
        assertEquals(302, visitor.get(asciiPath).statusCode());
      }
      assertEquals(302, visitor.get(unicodePath).statusCode());
      assertTrue(
          first.logContains(AnonymousFastPath.STARTED),
          "the server's authentication provider is wrapped:\n" + first.log());
    }
    assertEquals("rwx------", permissions(data), "the data directory");
    assertEquals("rw-------", permissions(data.resolve("shortener.db")));
    assertEquals("rw-------", permissions(data.resolve("hashids-salt")));
    String salt = Files.readString(data.resolve("hashids-salt"));
    // A row an older release could store: a host label over 63 characters, a non-ASCII path.
    try (Connection database =
            DriverManager.getConnection("jdbc:sqlite:" + data.resolve("shortener.db"));
        Statement insert = database.createStatement()) {
      insert.executeUpdate(
          "INSERT INTO link (created, original, clicks) VALUES (0, 'https://"
              + "a".repeat(64)
              + ".example/é', 0)");
    }

    Map<String, String> smallCache = new HashMap<>(environment);
    smallCache.put("SHORTENER_CACHE_SIZE", "2");
    try (ServerProcess second = ServerProcess.start("restart-2", smallCache, Map.of())) {
      assertTrue(
          second.logContains("Preloaded 1 links into the redirect cache")
              && second.logContains("skipped 1 that cannot be redirected to"),
          "the newest two rows: the bad one skipped, the preload went on\n" + second.log());
      Admin admin = Admin.signIn(second.base());
      String stats = admin.site.get("/stats").body();
      assertTrue(
          stats.contains("<td class=\"text-end clicks\">3</td>"), "three clicks of the first run");
      assertTrue(stats.contains("<td class=\"text-end clicks\">1</td>"), "one of the other link");

      Site visitor = new Site(second.base());
      HttpResponse<String> miss = visitor.get(asciiPath);
      assertEquals(302, miss.statusCode(), "older than the cache holds: read from the database");
      assertEquals(ascii, miss.headers().firstValue("Location").orElseThrow());
      HttpResponse<String> unicodeMiss = visitor.get(unicodePath);
      assertEquals(
          "https://example.com/%C3%BCn%C3%AF/" + unicode.substring(unicode.lastIndexOf('/') + 1),
          unicodeMiss.headers().firstValue("Location").orElseThrow(),
          "a non-ASCII link read back by the miss path");

      String badCode = new ShortCodes(salt.strip(), 4).encode(4);
      HttpResponse<String> bad = visitor.get("/" + badCode);
      assertEquals(
          404, bad.statusCode(), "a row that cannot be redirected to is not found, not a 500");
      assertEquals(404, visitor.get("/" + badCode).statusCode());
      assertTrue(second.logContains("Link 4 cannot be redirected to"), second.log());
    }
    assertEquals(
        salt, Files.readString(data.resolve("hashids-salt")), "the salt read back unchanged");
  }

  @Test
  void anEmptySaltFileStopsTheStartWithTheReason() throws IOException {
    Path data = dataDir("empty-salt");
    Files.createDirectories(data);
    Files.writeString(data.resolve("hashids-salt"), "\n");
    try (ServerProcess server =
        ServerProcess.start(
            "empty-salt",
            ServerProcess.settings("SHORTENER_DATA_DIR", data.toString()),
            Map.of())) {
      assertFalse(server.serves(), "no link may be answered with a different salt");
      assertTrue(
          server.logContains("The Hashids salt file " + data.resolve("hashids-salt") + " is empty"),
          server.log());
    }
    assertEquals("\n", Files.readString(data.resolve("hashids-salt")), "left for the operator");
  }
}
