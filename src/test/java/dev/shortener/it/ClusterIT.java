package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.shortener.links.control.ShortCodes;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Two Payara Micro servers of the built WAR on one PostgreSQL database, as README's "Run several
 * servers" sets them up: they migrate the empty database once, make and see each other's links,
 * take each other's edits within two seconds (through the database's notices), count every click
 * once between them, lose nothing acknowledged to a {@code kill -9}, and outlive a restart of the
 * database. One pair of servers on a database of its own in the build's throwaway cluster serves
 * the tests in order (the last stops them); the {@code kill -9} has a server and database of its
 * own.
 */
@EnabledIfSystemProperty(named = "it.postgresql.port", matches = "\\d+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

  private static final String SALT = "cluster-salt";
  private static final String KEY = "cluster-api-key-0123456789";

  /** Two seconds on an idle machine (README); a loaded CI machine gets five times that. */
  private static final Duration PROPAGATION = Duration.ofSeconds(10);

  /** How often the servers read their cached links again, here rather than every 5 minutes. */
  private static final int RECHECK_SECONDS = 3;

  private final List<ServerProcess> servers = new ArrayList<>();
  private String database;
  private List<ServerProcess> pair;

  /** Two servers started at the same moment on a new, empty database. */
  @BeforeAll
  void twoServersOnAnEmptyDatabase() throws SQLException {
    assumeFalse(ServerProcess.onTomee(), "the two-server tests run on Payara Micro");
    database = freshDatabase();
    CompletableFuture<ServerProcess> one =
        CompletableFuture.supplyAsync(
            () -> ServerProcess.start("pair-1", settings("500"), Map.of()));
    CompletableFuture<ServerProcess> two =
        CompletableFuture.supplyAsync(
            () -> ServerProcess.start("pair-2", settings("500"), Map.of()));
    servers.add(one.join());
    servers.add(two.join());
    for (ServerProcess server : servers) {
      assertTrue(server.serves(), "serves its home page:\n" + server.log());
    }
    pair = List.copyOf(servers);
  }

  @AfterAll
  void stopServers() {
    servers.forEach(ServerProcess::close);
  }

  private static String freshDatabase() throws SQLException {
    String name = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = connect("postgres");
        Statement create = admin.createStatement()) {
      create.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  static Connection connect(String name) throws SQLException {
    return DriverManager.getConnection(
        url(name), "shortener", System.getProperty("it.postgresql.password"));
  }

  static String url(String name) {
    return "jdbc:postgresql://127.0.0.1:" + System.getProperty("it.postgresql.port") + "/" + name;
  }

  private Map<String, String> settings(String flushInterval) {
    return settings(database, flushInterval);
  }

  private static Map<String, String> settings(String database, String flushInterval) {
    return ServerProcess.settings(
        "SHORTENER_DATABASE_URL",
        url(database),
        "SHORTENER_DATABASE_USER",
        "shortener",
        "SHORTENER_DATABASE_PASSWORD",
        System.getProperty("it.postgresql.password"),
        "SHORTENER_HASHIDS_SALT",
        SALT,
        "SHORTENER_INITIAL_API_KEY",
        KEY,
        "SHORTENER_CLICK_FLUSH_INTERVAL_MS",
        flushInterval,
        "SHORTENER_CACHE_RECHECK_SECONDS",
        String.valueOf(RECHECK_SECONDS));
  }

  private static String create(URI base, String json) {
    HttpResponse<String> made = new Api(base, KEY).send("POST", "/rest/v3/short-urls", json);
    assertEquals(200, made.statusCode(), made.body());
    return Api.json(made).getString("shortCode");
  }

  private static HttpResponse<String> visit(URI base, String code) {
    return new Site(base).get("/" + code);
  }

  /**
   * Asks {@code base} for {@code code} until {@code expected} holds, for at most {@code within}.
   */
  private static HttpResponse<String> awaitVisit(
      URI base, String code, Predicate<HttpResponse<String>> expected, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    HttpResponse<String> answer = visit(base, code);
    while (!expected.test(answer) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      answer = visit(base, code);
    }
    return answer;
  }

  private static Optional<String> location(HttpResponse<String> answer) {
    return answer.headers().firstValue("Location");
  }

  @Test
  @Order(1)
  void twoServersStartedAtOnceMigrateTheEmptyDatabaseOnceAndShareItsLinks() throws Exception {
    try (Connection check = connect(database);
        Statement query = check.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT version, COUNT(*) FROM flyway_schema_history WHERE success"
                    + " GROUP BY version ORDER BY version")) {
      List<String> versions = new ArrayList<>();
      while (rows.next()) {
        assertEquals(1, rows.getInt(2), "version " + rows.getString(1) + " applied once");
        versions.add(rows.getString(1));
      }
      assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), versions);
    }
    String code = create(pair.get(0).base(), "{\"longUrl\":\"https://example.com/made-on-one\"}");
    HttpResponse<String> there = visit(pair.get(1).base(), code);
    assertEquals(302, there.statusCode(), "the other server knows it at once");
    assertEquals(Optional.of("https://example.com/made-on-one"), location(there));
    create(
        pair.get(1).base(),
        "{\"longUrl\":\"https://example.com/alias\",\"customSlug\":\"shared\"}");
    assertEquals(
        Optional.of("https://example.com/alias"), location(visit(pair.get(0).base(), "shared")));
    try (Connection check = connect(database);
        Statement query = check.createStatement();
        ResultSet row = query.executeQuery("SELECT salt, min_length FROM short_codes")) {
      assertTrue(row.next());
      assertEquals(SALT, row.getString(1), "the salt every server makes codes with");
      assertEquals(4, row.getInt(2));
    }
    Map<String, String> otherSalt = new HashMap<>(settings("500"));
    otherSalt.put("SHORTENER_HASHIDS_SALT", "another-salt");
    try (ServerProcess stray = ServerProcess.start("start-stray", otherSalt, Map.of())) {
      assertFalse(stray.serves(), "a server that would make other codes serves nothing");
      assertTrue(
          stray.logContains(
              "SHORTENER_HASHIDS_SALT is not the salt this database's links were made"),
          stray.log());
    }
  }

  @Test
  @Order(3)
  void aChangeWhoseNoticeWasLostIsTakenAtTheNextRecheck() throws Exception {
    URI one = pair.get(0).base();
    URI two = pair.get(1).base();
    String kept = create(one, "{\"longUrl\":\"https://example.com/unannounced-before\"}");
    String gone = create(one, "{\"longUrl\":\"https://example.com/unannounced-gone\"}");
    assertEquals(Optional.of("https://example.com/unannounced-before"), location(visit(two, kept)));
    assertEquals(302, visit(two, gone).statusCode(), "cached");
    ShortCodes decoder = new ShortCodes(SALT, 4);
    try (Connection sql = connect(database);
        Statement change = sql.createStatement()) {
      // Changes no notice announces: the trigger is off inside this transaction only.
      sql.setAutoCommit(false);
      change.execute("ALTER TABLE link DISABLE TRIGGER link_notice");
      change.execute(
          "UPDATE link SET original = 'https://example.com/unannounced-after' WHERE id = "
              + decoder.decode(kept));
      change.execute("DELETE FROM link WHERE id = " + decoder.decode(gone));
      change.execute("ALTER TABLE link ENABLE TRIGGER link_notice");
      sql.commit();
    }
    Duration within = Duration.ofSeconds(RECHECK_SECONDS + 5);
    Optional<String> after = Optional.of("https://example.com/unannounced-after");
    assertEquals(
        after, location(awaitVisit(two, kept, answer -> location(answer).equals(after), within)));
    assertEquals(
        404, awaitVisit(two, gone, answer -> answer.statusCode() == 404, within).statusCode());
  }

  @Test
  @Order(4)
  void clicksOnOneServerAreInTheOtherServersAnswerAfterAFlush() throws Exception {
    URI one = pair.get(0).base();
    Api api = new Api(one, KEY);
    String code = create(one, "{\"longUrl\":\"https://example.com/clicked-elsewhere\"}");
    // This read folds the log: from here server 1 logs nothing of its own.
    assertEquals(0, visits(api, code));
    for (int i = 0; i < 3; i++) {
      assertEquals(302, visit(pair.get(1).base(), code).statusCode());
    }
    assertEquals(
        3,
        (int) Eventually.until(() -> visits(api, code), counted -> counted == 3),
        "server 2's flushed clicks, read on server 1");
  }

  @Test
  @Order(4)
  void aVisitorOfBothServersCountsOnceAndEachServersVisitsAreListed() throws Exception {
    URI one = pair.get(0).base();
    String url = "https://example.com/visited-on-both/" + UUID.randomUUID();
    String code = create(one, "{\"longUrl\":\"" + url + "\"}");
    for (ServerProcess server : pair) {
      assertEquals(
          302, new Site(server.base()).get("/" + code, "User-Agent", VisitsIT.CHROME).statusCode());
    }
    Api api = new Api(one, KEY);
    int listed = 0;
    for (int attempt = 0; attempt < 50 && listed < 2; attempt++) {
      Thread.sleep(200);
      listed =
          Api.json(api.get("/rest/v3/short-urls/" + code + "/visits"))
              .getJsonObject("visits")
              .getJsonArray("data")
              .size();
    }
    assertEquals(2, listed, "server 2's visit, listed by server 1");
    try (Connection connection = connect(database);
        PreparedStatement day =
            connection.prepareStatement(
                "SELECT SUM(d.people), SUM(d.uniques) FROM visit_day d"
                    + " JOIN link l ON l.id = d.link_id WHERE l.original = ?")) {
      day.setString(1, url);
      try (ResultSet row = day.executeQuery()) {
        assertTrue(row.next());
        assertEquals(2, row.getLong(1));
        assertEquals(1, row.getLong(2), "one salt for the day on both servers: one visitor");
      }
    }
  }

  private static int visits(Api api, String code) {
    return Api.json(api.get("/rest/v3/short-urls/" + code))
        .getJsonObject("visitsSummary")
        .getInt("total");
  }

  @Test
  @Order(5)
  void aCapIsPassedByAtMostTheVisitsTheOtherServerHasNotWrittenYet() throws Exception {
    String code =
        create(pair.get(0).base(), "{\"longUrl\":\"https://example.com/capped\",\"maxVisits\":10}");
    int served = 0;
    for (int i = 0; i < 40; i++) {
      if (visit(pair.get(i % 2).base(), code).statusCode() == 302) {
        served++;
      }
    }
    assertTrue(served >= 10, served + " served: the cap's ten at least");
    assertTrue(served <= 20, served + " served: at most the other server's ten more");
    // A flush interval or two later each server has read the other's visits.
    for (ServerProcess server : pair) {
      assertTrue(
          Eventually.until(() -> visit(server.base(), code), answer -> answer.statusCode() != 302)
                  .statusCode()
              != 302,
          "the cap holds on both");
    }
  }

  @Test
  @Order(2)
  void anEditADisableAndADeleteOnOneServerReachTheOtherWithinSeconds() throws Exception {
    URI one = pair.get(0).base();
    URI two = pair.get(1).base();
    String code = create(one, "{\"longUrl\":\"https://example.com/before\"}");
    assertEquals(Optional.of("https://example.com/before"), location(visit(two, code)), "cached");

    Api api = new Api(one, KEY);
    assertEquals(
        200,
        api.send(
                "PATCH",
                "/rest/v3/short-urls/" + code,
                "{\"longUrl\":\"https://example.com/after\"}")
            .statusCode());
    HttpResponse<String> edited =
        awaitVisit(
            two,
            code,
            answer -> location(answer).equals(Optional.of("https://example.com/after")),
            PROPAGATION);
    assertEquals(Optional.of("https://example.com/after"), location(edited), "the edit");

    assertEquals(
        200, api.send("PATCH", "/rest/v3/short-urls/" + code, "{\"disabled\":true}").statusCode());
    HttpResponse<String> disabled =
        awaitVisit(two, code, answer -> answer.statusCode() != 302, PROPAGATION);
    assertEquals(410, disabled.statusCode(), "disabled");

    assertEquals(
        200, api.send("PATCH", "/rest/v3/short-urls/" + code, "{\"disabled\":false}").statusCode());
    assertEquals(
        302, awaitVisit(two, code, answer -> answer.statusCode() == 302, PROPAGATION).statusCode());

    assertEquals(204, api.send("DELETE", "/rest/v3/short-urls/" + code, null).statusCode());
    HttpResponse<String> deleted =
        awaitVisit(two, code, answer -> answer.statusCode() == 404, PROPAGATION);
    assertEquals(404, deleted.statusCode(), "deleted");
  }

  @Test
  @Order(7)
  void aThousandClicksOverBothServersAreAThousandAfterACleanStopOfBoth() throws Exception {
    String code = create(pair.get(0).base(), "{\"longUrl\":\"https://example.com/counted\"}");
    for (int i = 0; i < 1_000; i++) {
      assertEquals(302, visit(pair.get(i % 2).base(), code).statusCode());
    }
    pair.get(0).stop();
    pair.get(1).stop();
    assertEquals(1_000, clicksOf(database, new ShortCodes(SALT, 4).decode(code)));
  }

  @Test
  @Order(8)
  void aKillLosesNoAcknowledgedLinkAndAtMostTheLastFlushOfClicks() throws Exception {
    String own = freshDatabase();
    ServerProcess server = ServerProcess.start("kill", settings(own, "1000"), Map.of());
    servers.add(server);
    URI doomed = server.base();
    String code = create(doomed, "{\"longUrl\":\"https://example.com/clicked\"}");
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> clickTimes = new ConcurrentLinkedQueue<>();
    AtomicBoolean stopping = new AtomicBoolean();
    CompletableFuture<Void> creating =
        CompletableFuture.runAsync(
            () -> {
              Api api = new Api(doomed, KEY);
              for (int i = 0; i < 20_000 && !stopping.get(); i++) {
                String url = "https://example.com/acknowledged/" + UUID.randomUUID();
                try {
                  HttpResponse<String> made =
                      api.send("POST", "/rest/v3/short-urls", "{\"longUrl\":\"" + url + "\"}");
                  if (made.statusCode() == 200) {
                    acknowledged.put(Api.json(made).getString("shortCode"), url);
                  }
                } catch (RuntimeException serverGone) {
                  return;
                }
              }
            });
    CompletableFuture<Void> clicking =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 0; i < 20_000 && !stopping.get(); i++) {
                try {
                  if (visit(doomed, code).statusCode() == 302) {
                    clickTimes.add(System.nanoTime());
                  }
                } catch (RuntimeException serverGone) {
                  return;
                }
              }
            });
    Thread.sleep(3_000);
    long killedAt = System.nanoTime();
    server.kill();
    stopping.set(true);
    creating.join();
    clicking.join();

    assertTrue(acknowledged.size() > 20, "the load ran: " + acknowledged.size() + " links");
    ShortCodes decoder = new ShortCodes(SALT, 4);
    try (Connection check = connect(own);
        PreparedStatement byId = check.prepareStatement("SELECT original FROM link WHERE id = ?")) {
      for (Map.Entry<String, String> link : acknowledged.entrySet()) {
        byId.setLong(1, decoder.decode(link.getKey()));
        try (ResultSet row = byId.executeQuery()) {
          assertTrue(row.next(), "acknowledged link " + link.getKey() + " is stored");
          assertEquals(link.getValue(), row.getString(1));
        }
      }
    }
    long counted = clicksOf(own, decoder.decode(code));
    long windowStart = killedAt - 2_500_000_000L;
    long servedBefore = clickTimes.stream().filter(t -> t < windowStart).count();
    assertTrue(counted <= clickTimes.size(), counted + " of " + clickTimes.size() + ": none twice");
    assertTrue(
        counted >= servedBefore,
        counted + " counted, but " + servedBefore + " were served over 2.5 s before the kill");
  }

  @Test
  @Order(6)
  void bothServersOutliveADatabaseRestartAndTakeEditsAgain() throws Exception {
    URI one = pair.get(0).base();
    URI two = pair.get(1).base();
    String code = create(one, "{\"longUrl\":\"https://example.com/first\"}");
    assertEquals(302, visit(two, code).statusCode());

    restartDatabase();
    // Whether server two still has the link cached or has emptied its cache on losing the
    // database's notices, the link is served; no pooled connection the restart killed is used.
    assertEquals(302, visit(two, code).statusCode(), "the link is served after the restart");

    Api api = new Api(one, KEY);
    assertEquals(
        200,
        api.send(
                "PATCH",
                "/rest/v3/short-urls/" + code,
                "{\"longUrl\":\"https://example.com/after-restart\"}")
            .statusCode(),
        "server one writes again at once");
    HttpResponse<String> seen =
        awaitVisit(
            two,
            code,
            answer -> location(answer).equals(Optional.of("https://example.com/after-restart")),
            Duration.ofSeconds(20));
    assertEquals(
        Optional.of("https://example.com/after-restart"),
        location(seen),
        "server two hears of edits again");
    String later = create(two, "{\"longUrl\":\"https://example.com/later\"}");
    assertEquals(302, visit(one, later).statusCode());
    JsonObject read = Api.json(new Api(two, KEY).get("/rest/v3/short-urls/" + code));
    assertEquals("https://example.com/after-restart", read.getString("longUrl"));
  }

  private static void restartDatabase() throws Exception {
    Process restart =
        new ProcessBuilder(
                "bash",
                Path.of("bin", "test-postgresql").toString(),
                "restart",
                System.getProperty("it.postgresql.dir"))
            .inheritIO()
            .start();
    assertEquals(0, restart.waitFor(), "bin/test-postgresql restart");
  }

  private static long clicksOf(String database, long id) throws SQLException {
    try (Connection check = connect(database);
        PreparedStatement query =
            check.prepareStatement(
                "SELECT clicks + COALESCE((SELECT SUM(clicks) FROM click WHERE link_id = ?), 0)"
                    + " FROM link WHERE id = ?")) {
      query.setLong(1, id);
      query.setLong(2, id);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next(), "link " + id);
        return row.getLong(1);
      }
    }
  }
}
