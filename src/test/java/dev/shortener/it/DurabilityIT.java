package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.control.ShortCodes;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * bench/crash.sh's promises, in a few seconds of bounded load on loopback, so that a change that
 * loses clicks or links cannot land: a clean stop under load loses no click; a {@code kill -9}
 * under creations and redirects loses no acknowledged link, and at most the clicks of the last
 * flush interval (plus the flush under way). Read back from the SQLite file itself.
 */
class DurabilityIT {

  private static final String SALT = "durability-salt";
  private static final int LINKS = 20;
  private static final int MAX_REQUESTS = 20_000;

  private static Map<String, String> settings(Path data, String flushInterval) {
    return ServerProcess.settings(
        "SHORTENER_DATA_DIR",
        data.toString(),
        "SHORTENER_HASHIDS_SALT",
        SALT,
        "SHORTENER_CLICK_FLUSH_INTERVAL_MS",
        flushInterval,
        "SHORTENER_CREATION_PER_MINUTE",
        "1000000",
        "SHORTENER_CREATION_PER_HOUR",
        "1000000");
  }

  private static Path dataDir(String name) throws Exception {
    Path folder =
        Path.of(
                "target",
                "server-runs",
                name + "-data-" + (ServerProcess.onTomee() ? "tomee" : "payara"))
            .toAbsolutePath();
    ServerProcess.deleteTree(folder);
    return folder;
  }

  @Test
  void aCleanStopInTheMiddleOfTheClicksLosesNone() throws Exception {
    Path data = dataDir("clean-stop");
    // An hour between flushes: only the flush at the stop can write the clicks.
    ServerProcess server = ServerProcess.start("clean-stop", settings(data, "3600000"), Map.of());
    List<String> codes = new ArrayList<>();
    Site creator = new Site(server.base());
    for (int i = 0; i < LINKS; i++) {
      String link = creator.shortLinkOf("https://example.com/clean/" + UUID.randomUUID());
      codes.add(link.substring(link.lastIndexOf('/') + 1));
    }
    Map<String, AtomicLong> served = new ConcurrentHashMap<>();
    AtomicBoolean stopping = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> load = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      load.add(clients.submit(() -> click(server.base(), codes, served, stopping, null)));
    }
    Thread.sleep(1_500);
    server.stop();
    stopping.set(true);
    for (Future<?> client : load) {
      client.get();
    }
    clients.shutdown();

    Map<Long, Long> counted = countedClicks(data);
    ShortCodes decoder = new ShortCodes(SALT, 4);
    long total = 0;
    for (String code : codes) {
      long expected = served.getOrDefault(code, new AtomicLong()).get();
      total += expected;
      assertEquals(expected, counted.getOrDefault(decoder.decode(code), 0L), "clicks of " + code);
    }
    assertTrue(total > 100, "the load ran: " + total + " redirects served");
  }

  @Test
  void aKillLosesNoAcknowledgedLinkAndAtMostTheLastFlushOfClicks() throws Exception {
    Path data = dataDir("kill");
    ServerProcess server = ServerProcess.start("kill", settings(data, "1000"), Map.of());
    List<String> codes = new ArrayList<>();
    Site creator = new Site(server.base());
    for (int i = 0; i < LINKS; i++) {
      String link = creator.shortLinkOf("https://example.com/kill/" + UUID.randomUUID());
      codes.add(link.substring(link.lastIndexOf('/') + 1));
    }
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> clickTimes = new ConcurrentLinkedQueue<>();
    AtomicBoolean stopping = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    List<Future<?>> load = new ArrayList<>();
    for (int c = 0; c < 2; c++) {
      load.add(
          clients.submit(
              () -> click(server.base(), codes, new ConcurrentHashMap<>(), stopping, clickTimes)));
      load.add(clients.submit(() -> create(server.base(), acknowledged, stopping)));
    }
    Thread.sleep(3_000);
    long killedAt = System.nanoTime();
    server.kill();
    stopping.set(true);
    for (Future<?> client : load) {
      client.get();
    }
    clients.shutdown();

    ShortCodes decoder = new ShortCodes(SALT, 4);
    try (Connection database = open(data);
        PreparedStatement byId =
            database.prepareStatement("SELECT original FROM link WHERE id = ?")) {
      for (Map.Entry<String, String> link : acknowledged.entrySet()) {
        byId.setLong(1, decoder.decode(link.getKey()));
        try (ResultSet row = byId.executeQuery()) {
          assertTrue(row.next(), "acknowledged link " + link.getKey() + " is there");
          assertEquals(link.getValue(), row.getString(1));
        }
      }
      try (Statement check = database.createStatement();
          ResultSet integrity = check.executeQuery("PRAGMA integrity_check")) {
        integrity.next();
        assertEquals("ok", integrity.getString(1));
      }
    }
    assertTrue(acknowledged.size() > 20, "the load ran: " + acknowledged.size() + " links created");

    long counted = countedClicks(data).values().stream().mapToLong(Long::longValue).sum();
    long servedInAll = clickTimes.size();
    // One flush interval, the flush that may have been under way, and a margin for a loaded
    // machine.
    long windowStart = killedAt - 2_500_000_000L;
    long servedBeforeWindow = clickTimes.stream().filter(t -> t < windowStart).count();
    assertTrue(
        counted <= servedInAll, counted + " counted of " + servedInAll + " served: none twice");
    assertTrue(
        counted >= servedBeforeWindow,
        counted
            + " counted, but "
            + servedBeforeWindow
            + " were served more than 2.5 s before the kill");
  }

  private static void click(
      URI base,
      List<String> codes,
      Map<String, AtomicLong> served,
      AtomicBoolean stopping,
      ConcurrentLinkedQueue<Long> times) {
    Site visitor = new Site(base);
    for (int i = 0; i < MAX_REQUESTS && !stopping.get(); i++) {
      String code = codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
      try {
        HttpResponse<String> answer = visitor.get("/" + code);
        if (answer.statusCode() == 302) {
          served.computeIfAbsent(code, any -> new AtomicLong()).incrementAndGet();
          if (times != null) {
            times.add(System.nanoTime());
          }
        }
      } catch (RuntimeException serverGone) {
        return;
      }
    }
  }

  private static void create(URI base, Map<String, String> acknowledged, AtomicBoolean stopping) {
    Site creator = new Site(base);
    for (int i = 0; i < MAX_REQUESTS && !stopping.get(); i++) {
      String url = "https://example.com/acknowledged/" + UUID.randomUUID();
      try {
        String link = creator.shortLinkOf(url);
        acknowledged.put(link.substring(link.lastIndexOf('/') + 1), url);
      } catch (RuntimeException | AssertionError serverGone) {
        return;
      }
    }
  }

  private static Connection open(Path data) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("shortener.db"));
  }

  /** Every link's clicks as the file holds them: its column plus the log not folded yet. */
  private static Map<Long, Long> countedClicks(Path data) throws SQLException {
    Map<Long, Long> clicks = new HashMap<>();
    try (Connection database = open(data);
        Statement query = database.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT id, clicks + COALESCE((SELECT SUM(clicks) FROM click WHERE link_id = link.id), 0)"
                    + " FROM link")) {
      while (rows.next()) {
        clicks.put(rows.getLong(1), rows.getLong(2));
      }
    }
    return clicks;
  }
}
