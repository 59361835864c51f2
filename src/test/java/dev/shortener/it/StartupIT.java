package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
  void aDataDirectoryFromTheEnvironmentKeepsItsLinksAcrossARestart() throws IOException {
    Path data = dataDir("restart");
    Map<String, String> environment = ServerProcess.settings("SHORTENER_DATA_DIR", data.toString());
    String url = "https://example.com/restart/" + UUID.randomUUID();
    String path;
    try (ServerProcess first = ServerProcess.start("restart-1", environment, Map.of())) {
      path = URI.create(new Site(first.base()).shortLinkOf(url)).getPath();
      assertEquals(
          url, new Site(first.base()).get(path).headers().firstValue("Location").orElseThrow());
    }
    assertEquals("rwx------", permissions(data), "the data directory");
    assertEquals("rw-------", permissions(data.resolve("shortener.db")));
    assertEquals("rw-------", permissions(data.resolve("hashids-salt")));
    String salt = Files.readString(data.resolve("hashids-salt"));

    try (ServerProcess second = ServerProcess.start("restart-2", environment, Map.of())) {
      HttpResponse<String> redirect = new Site(second.base()).get(path);
      assertEquals(302, redirect.statusCode(), "the same code after the restart");
      assertEquals(url, redirect.headers().firstValue("Location").orElseThrow());
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
