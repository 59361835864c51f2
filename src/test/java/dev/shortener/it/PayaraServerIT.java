package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The WAR on a full Payara Server 6, deployed exactly as README.md says: the build unpacks the
 * distribution from Maven Central into {@code target/payara-server}; this test makes its {@code
 * domain1} on free loopback ports with phone-home off, runs README's block of {@code asadmin}
 * commands as it stands (only the data directory is this run's), then checks what a person does:
 * the form, the redirect, the 404 page, the admin's sign-in and the stats. The domain is stopped
 * and removed afterwards.
 */
@EnabledIfSystemProperty(named = "it.payara.server", matches = ".+")
class PayaraServerIT {

  private static final Path PAYARA = Path.of(System.getProperty("it.payara.server", "none"));
  private static final Path DATA = Path.of("target/it-data/payara-server");
  private static final Path LOG = Path.of("target/server-runs/payara-server.log");

  private static int portBase;
  private static URI base;
  private static String password;

  @BeforeAll
  static void deployAsReadmeSays() throws Exception {
    for (String dir : List.of("bin", "glassfish/bin")) {
      try (var files = Files.list(PAYARA.resolve(dir))) {
        files.forEach(file -> file.toFile().setExecutable(true));
      }
    }
    Files.createDirectories(LOG.getParent());
    Files.deleteIfExists(LOG);
    portBase = freePortBase();
    if (Files.isDirectory(PAYARA.resolve("glassfish/domains/domain1"))) {
      asadmin("delete-domain", "domain1");
    }
    asadmin(
        "create-domain", "--portbase", Integer.toString(portBase), "--nopassword=true", "domain1");
    Path domainXml = PAYARA.resolve("glassfish/domains/domain1/config/domain.xml");
    String config = Files.readString(domainXml);
    String serverConfig = "<config name=\"server-config\">";
    assertTrue(config.contains(serverConfig), "domain.xml has the server's config");
    // The test machine has no internet: Payara's phone-home stays off from the first start.
    Files.writeString(
        domainXml,
        config.replace(
            serverConfig, serverConfig + "<phone-home-runtime-configuration enabled=\"false\"/>"));

    String block = readmeBlock();
    Matcher chosen = Pattern.compile("SHORTENER_ADMIN_PASSWORD='([^']+)'").matcher(block);
    assertTrue(chosen.find(), block);
    password = chosen.group(1);
    run(block.replace("/var/lib/shortener", DATA.toAbsolutePath().toString()), 600);
    base = URI.create("http://127.0.0.1:" + (portBase + 80) + "/");
    waitForHomePage();
  }

  @AfterAll
  static void stopAndRemove() throws Exception {
    if (portBase != 0) {
      asadmin("stop-domain", "domain1");
      asadmin("delete-domain", "domain1");
    }
  }

  /**
   * README's block of commands for Payara Server, the one after the marker that names this test.
   */
  static String readmeBlock() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block =
        Pattern.compile(
                "<!-- PayaraServerIT runs the block below[^>]*-->\\s*```sh\\n(.*?)```",
                Pattern.DOTALL)
            .matcher(readme);
    assertTrue(block.find(), "README.md has the Payara Server block this test runs");
    return block.group(1);
  }

  /** A port base with its HTTP, HTTPS and admin ports (base + 80, 81, 48 and the rest) free. */
  private static int freePortBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(200, 600) * 100;
      boolean free = true;
      for (int offset : new int[] {0, 48, 76, 79, 80, 81, 86, 37, 38, 39}) {
        try (ServerSocket probe = new ServerSocket(candidate + offset)) {
          probe.setReuseAddress(true);
        } catch (IOException taken) {
          free = false;
          break;
        }
      }
      if (free) {
        return candidate;
      }
    }
    throw new IOException("No free port base for Payara Server");
  }

  private static void asadmin(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(PAYARA.resolve("bin/asadmin").toString()));
    command.addAll(List.of(arguments));
    start(command, 300);
  }

  /** Runs {@code script} with bash, Payara's bin on the PATH and its admin port set. */
  private static void run(String script, int seconds) throws Exception {
    start(List.of("bash", "-euo", "pipefail", "-c", script), seconds);
  }

  private static void start(List<String> command, int seconds) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
    Map<String, String> environment = builder.environment();
    environment.put("PATH", PAYARA.resolve("bin") + File.pathSeparator + environment.get("PATH"));
    environment.put("AS_ADMIN_PORT", Integer.toString(portBase + 48));
    Process process = builder.start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " ran longer than " + seconds + " s; see " + LOG);
    }
    assertEquals(
        0,
        process.exitValue(),
        () -> {
          try {
            return command + " failed:\n" + Files.readString(LOG, StandardCharsets.UTF_8);
          } catch (IOException e) {
            return command + " failed; see " + LOG;
          }
        });
  }

  private static void waitForHomePage() throws InterruptedException {
    Site site = new Site(base);
    for (int attempt = 0; attempt < 120; attempt++) {
      try {
        if (site.get("/").statusCode() == 200) {
          return;
        }
      } catch (RuntimeException notYet) {
        // the HTTP listener is not up yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("Payara Server did not serve the home page; see " + LOG);
  }

  @Test
  void theFormMakesALinkThatRedirectsAndTheAdminSeesItsClicks() throws Exception {
    Site visitor = new Site(base);
    String url = "https://example.com/payara-server/" + UUID.randomUUID();
    String shortLink = visitor.shortLinkOf(url);
    String path = URI.create(shortLink).getPath();
    HttpResponse<String> redirect = visitor.get(path);
    assertEquals(302, redirect.statusCode());
    assertEquals(url, redirect.headers().firstValue("Location").orElseThrow());

    Site admin = new Site(base);
    assertEquals(302, admin.login("admin", password).statusCode(), "README's password signs in");
    Pattern counted =
        Pattern.compile(Pattern.quote(url) + "</a></td>\\s*<td class=\"text-end clicks\">1</td>");
    String stats = "";
    // The click reaches the database with the next flush, once a second.
    for (int attempt = 0; attempt < 40 && !counted.matcher(stats).find(); attempt++) {
      Thread.sleep(250);
      stats = admin.get("/stats").body();
    }
    assertTrue(counted.matcher(stats).find(), "the link and its one click on the stats:\n" + stats);
  }

  @Test
  void unknownLinksGetTheSitesNotFoundPage() {
    HttpResponse<String> missing = new Site(base).get("/zzzz-no-such-link");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("class=\"navbar"), "in the site's look");
  }

  @Test
  void theDataDirectoryIsTheOneReadmeSets() {
    assertTrue(Files.isRegularFile(DATA.resolve("shortener.db")), "the -D option took effect");
  }
}
