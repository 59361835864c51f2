package dev.shortener.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server of the built WAR started by a test itself, for what one shared Arquillian server cannot
 * show: other settings, a restart, a start that must fail, the log. It runs on whichever server the
 * current failsafe execution tests ({@code arquillian.launch}), the way README tells people to run
 * it: Payara Micro with the pre-boot commands, TomEE with {@code server-config/tomee} as its
 * configuration. It listens on a free loopback port; its output goes to a file the test can read.
 *
 * <p>The environment starts without any {@code SHORTENER_} variable of the test run's own, so that
 * only the settings a test passes reach the server.
 */
final class ServerProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final Path folder;
  private final Path log;
  private final URI base;

  private ServerProcess(Process process, Path folder, URI base) {
    this.process = process;
    this.folder = folder;
    this.log = folder.resolve("server.log");
    this.base = base;
  }

  /** Whether this failsafe execution tests TomEE rather than Payara Micro. */
  static boolean onTomee() {
    return "tomee".equals(System.getProperty("arquillian.launch"));
  }

  /**
   * Starts a server named {@code name} with {@code settings} as its environment and {@code
   * properties} as {@code -D} options, and waits until it serves its home page (or fails to).
   */
  static ServerProcess start(
      String name, Map<String, String> settings, Map<String, String> properties) {
    try {
      Path folder =
          Path.of("target", "server-runs", name + (onTomee() ? "-tomee" : "-payara"))
              .toAbsolutePath();
      deleteTree(folder);
      Files.createDirectories(folder);
      int port = freePort();
      Path log = folder.resolve("server.log");
      ProcessBuilder builder =
          onTomee() ? tomee(folder, port, properties) : payara(folder, port, properties);
      Map<String, String> environment = builder.environment();
      environment.keySet().removeIf(variable -> variable.startsWith("SHORTENER_"));
      environment.putAll(settings);
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      ServerProcess server =
          new ServerProcess(builder.start(), folder, URI.create("http://127.0.0.1:" + port));
      // However the test ends, no server outlives the test run.
      Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroyForcibly));
      try {
        server.awaitStart();
      } catch (RuntimeException | Error notStarted) {
        server.kill();
        throw notStarted;
      }
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ProcessBuilder payara(Path folder, int port, Map<String, String> properties) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.io.tmpdir=" + folder);
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of(
            "-jar",
            System.getProperty("payara.microJar"),
            "--nohazelcast",
            "--disablephonehome",
            "--nocluster",
            "--rootdir",
            folder.resolve("payara-root").toString(),
            "--port",
            Integer.toString(port),
            "--contextroot",
            "/",
            "--prebootcommandfile",
            System.getProperty("it.payara.preboot"),
            "--deploy",
            Path.of("target", "shortener.war").toAbsolutePath().toString()));
    return new ProcessBuilder(command).directory(folder.toFile());
  }

  /** A CATALINA_BASE of its own on the TomEE the build unpacked, configured as README says. */
  private static ProcessBuilder tomee(Path folder, int port, Map<String, String> properties)
      throws IOException {
    Path home = Path.of(System.getProperty("it.tomee.dir")).toAbsolutePath();
    Path catalinaHome;
    try (Stream<Path> found = Files.walk(home, 2)) {
      catalinaHome =
          found
              .filter(p -> Files.isRegularFile(p.resolve("bin/catalina.sh")))
              .findFirst()
              .orElseThrow();
    }
    Path catalinaBase = folder.resolve("tomee");
    for (String part : List.of("conf", "bin", "webapps", "logs", "temp", "work")) {
      Files.createDirectories(catalinaBase.resolve(part));
    }
    try (Stream<Path> conf = Files.list(catalinaHome.resolve("conf"))) {
      for (Path file : (Iterable<Path>) conf::iterator) {
        if (Files.isRegularFile(file)) {
          Files.copy(file, catalinaBase.resolve("conf").resolve(file.getFileName()));
        }
      }
    }
    copyInto(Path.of(System.getProperty("it.tomee.conf")), catalinaBase.resolve("conf"));
    copyInto(Path.of(System.getProperty("it.tomee.bin")), catalinaBase.resolve("bin"));
    Files.copy(Path.of("target", "shortener.war"), catalinaBase.resolve("webapps/ROOT.war"));
    StringBuilder options =
        new StringBuilder("-Dhttp.port=" + port + " -Dshutdown.port=-1 -Djava.io.tmpdir=" + folder);
    properties.forEach((key, value) -> options.append(" -D").append(key).append('=').append(value));
    ProcessBuilder builder =
        new ProcessBuilder(catalinaHome.resolve("bin/catalina.sh").toString(), "run")
            .directory(folder.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("CATALINA_HOME", catalinaHome.toString());
    environment.put("CATALINA_BASE", catalinaBase.toString());
    environment.put("CATALINA_OPTS", options.toString());
    environment.remove("JAVA_OPTS");
    return builder;
  }

  private static void copyInto(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * Waits until the server says it has started (Payara Micro: "ready in", TomEE: "Server startup
   * in") and then whether it serves its home page: a server can be up with the application failed,
   * which the tests of a start that must fail look at. Before that message both servers may already
   * answer, Payara with errors while it deploys.
   */
  private void awaitStart() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String started = onTomee() ? "Server startup in" : "ready in";
    while (!logContains(started)) {
      if (!process.isAlive()) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "The server did not start within " + START_TIMEOUT + ":\n" + log());
      }
      sleep(Duration.ofMillis(250));
    }
    // TomEE's "startup" line can come before the preload and the first request settle.
    for (int tries = 0; tries < 20 && !serves(); tries++) {
      sleep(Duration.ofMillis(250));
    }
  }

  /** The folder the server runs in: its runtime, its logs, for TomEE its CATALINA_BASE. */
  Path folder() {
    return folder;
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:43817}. */
  URI base() {
    return base;
  }

  /** Everything the server has printed so far. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean logContains(String text) {
    return log().contains(text);
  }

  /** Whether the server serves its home page now. */
  boolean serves() {
    try {
      HttpResponse<Void> home =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(base.resolve("/")).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.discarding());
      return home.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the server as an operator would (SIGTERM) and waits until it is gone. */
  void stop() {
    process.destroy();
    awaitExit();
  }

  /** Kills the server at once (SIGKILL): a crash. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Settings for a server, starting from the admin password every test server has. */
  static Map<String, String> settings(String... pairs) {
    Map<String, String> settings = new HashMap<>();
    settings.put("SHORTENER_ADMIN_PASSWORD", Admin.PASSWORD);
    for (int i = 0; i < pairs.length; i += 2) {
      settings.put(pairs[i], pairs[i + 1]);
    }
    return settings;
  }
}
