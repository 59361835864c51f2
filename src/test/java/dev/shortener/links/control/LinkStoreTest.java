package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.SingleWriter;
import dev.shortener.platform.TestDatabase;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQL of links against a real SQLite file with the migrated schema. */
class LinkStoreTest {

  @TempDir Path folder;

  private DataSource database;
  private final LinkStore store = new LinkStore();
  private final LinkSearch search = new LinkSearch();
  private final ShortCodes codes = new ShortCodes("salt", 4);

  @BeforeEach
  void migrate() {
    database = TestDatabase.migrated(folder);
    store.database = database;
    store.writer = new SingleWriter();
    search.database = database;
    search.codes = codes;
  }

  private static LinkValues link(String url, String alias, String title, List<String> tags) {
    return new LinkValues(
        url, alias, title, tags, null, null, null, null, null, 302, false, false, false);
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement run = connection.createStatement()) {
      run.executeUpdate(statement);
    }
  }

  @Test
  void storesEveryFieldAndNeverReusesAnId() throws Exception {
    long first = store.insert(link("https://example.com/1", null, null, List.of()), 1000);
    long second =
        store.insert(
            new LinkValues(
                "https://example.com/2",
                "two",
                "Two",
                List.of("b", "a"),
                10L,
                20L,
                5L,
                "https://example.com/fallback",
                "hash",
                308,
                true,
                true,
                true),
            2000);
    assertEquals(first + 1, second);
    assertTrue(store.delete(second));
    long third = store.insert(link("https://example.com/3", null, null, List.of()), 3000);
    assertEquals(second + 1, third, "AUTOINCREMENT: a deleted id is never handed out again");
    assertFalse(store.delete(second), "already gone");
  }

  @Test
  void anAliasBelongsToOneLink() throws Exception {
    store.insert(link("https://example.com/1", "sale", null, List.of()), 1);
    assertThrows(
        LinkStore.AliasTakenException.class,
        () -> store.insert(link("https://example.com/2", "sale", null, List.of()), 2));
    long other = store.insert(link("https://example.com/3", "other", null, List.of()), 3);
    assertThrows(
        LinkStore.AliasTakenException.class,
        () -> store.update(other, link("https://example.com/3", "sale", null, List.of()), 4));
    assertEquals(Map.of("sale", 1L, "other", other), store.aliases());
  }

  @Test
  void creationsQueuedBehindTheWriterAreAllStoredAndATakenAliasRefusesOnlyItsOwn()
      throws Exception {
    store.insert(link("https://example.com/first", "taken", null, List.of()), 1);
    List<Callable<Long>> creations = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String alias = i == 5 ? "taken" : i == 7 || i == 8 ? "twice" : null;
      int n = i;
      creations.add(
          () ->
              store.insert(
                  link("https://example.com/queued/" + n, alias, null, List.of("t" + n % 3)),
                  10 + n));
    }
    List<Future<Long>> created = queuedBehindTheWriter(creations);
    Set<Long> ids = new HashSet<>();
    int refused = 0;
    for (Future<Long> one : created) {
      try {
        ids.add(one.get(10, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        assertInstanceOf(LinkStore.AliasTakenException.class, e.getCause());
        refused++;
      }
    }
    assertEquals(2, refused, "the taken alias, and the second of the two asking for \"twice\"");
    assertEquals(10, ids.size(), "every other creation has an id of its own");
    assertEquals(ids, new HashSet<>(ids("example.com/queued")), "and is stored");
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM link_tag")) {
      rows.next();
      assertEquals(10, rows.getLong(1), "with its tag, and no tag of a refused one");
    }
  }

  @Test
  void aCreationTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
    List<Callable<Long>> creations = new ArrayList<>();
    for (String url : new String[] {"https://example.com/a", null, "https://example.com/b"}) {
      creations.add(() -> store.insert(link(url, null, null, List.of("t")), 1));
    }
    List<Future<Long>> created = queuedBehindTheWriter(creations);
    long a = created.get(0).get(10, TimeUnit.SECONDS);
    ExecutionException refused =
        assertThrows(ExecutionException.class, () -> created.get(1).get(10, TimeUnit.SECONDS));
    assertInstanceOf(IllegalStateException.class, refused.getCause(), "NOT NULL: no URL");
    long b = created.get(2).get(10, TimeUnit.SECONDS);
    assertEquals(new HashSet<>(List.of(a, b)), new HashSet<>(ids("example.com/")));
  }

  /**
   * Starts each of {@code creations} on a thread of its own while this test holds the write permit,
   * and lets them go once every one waits for it, so that they queue as one batch.
   */
  private List<Future<Long>> queuedBehindTheWriter(List<Callable<Long>> creations)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    ExecutorService creators =
        Executors.newFixedThreadPool(
            creations.size(),
            task -> {
              Thread thread = new Thread(task);
              threads.add(thread);
              return thread;
            });
    List<Future<Long>> created = new ArrayList<>();
    store.writer.acquire();
    try {
      creations.forEach(creation -> created.add(creators.submit(creation)));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (threads.size() < creations.size()
          || !threads.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING)) {
        assertTrue(System.nanoTime() < deadline, "the creators queue for the write permit");
        Thread.sleep(5);
      }
    } finally {
      store.writer.release();
      creators.shutdown();
    }
    return created;
  }

  @Test
  void withSeveralBatchesAtOnceEveryCreationIsStoredOnceAndEachAliasOnce() throws Exception {
    store.writer = new SingleWriter(false);
    store.database = oneConnectionAtATime(database);
    ExecutorService creators = Executors.newFixedThreadPool(12);
    List<Future<Long>> created = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      String alias = i % 10 == 0 ? "alias" + i % 30 : null;
      int n = i;
      created.add(
          creators.submit(
              () ->
                  store.insert(link("https://example.com/many/" + n, alias, null, List.of()), n)));
    }
    Set<Long> ids = new HashSet<>();
    int refused = 0;
    for (Future<Long> one : created) {
      try {
        ids.add(one.get(30, TimeUnit.SECONDS));
      } catch (ExecutionException e) {
        assertInstanceOf(LinkStore.AliasTakenException.class, e.getCause());
        refused++;
      }
    }
    creators.shutdown();
    assertEquals(9, refused, "12 creations ask for 3 aliases: the first of each gets it");
    assertEquals(111, ids.size());
    Set<Long> stored = new HashSet<>();
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT id FROM link")) {
      while (rows.next()) {
        stored.add(rows.getLong(1));
      }
    }
    assertEquals(ids, stored);
    assertEquals(3, store.aliases().size());
  }

  /**
   * SQLite refuses a second writer at once where PostgreSQL would take it: the turns still overlap
   * in Java, and take the one connection in turn.
   */
  private static DataSource oneConnectionAtATime(DataSource database) {
    Semaphore one = new Semaphore(1);
    return (DataSource)
        Proxy.newProxyInstance(
            LinkStoreTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                return method.invoke(database, args);
              }
              one.acquire();
              Connection connection = database.getConnection();
              return Proxy.newProxyInstance(
                  LinkStoreTest.class.getClassLoader(),
                  new Class<?>[] {Connection.class},
                  (c, call, callArgs) -> {
                    if (call.getName().equals("close")) {
                      connection.close();
                      one.release();
                      return null;
                    }
                    return call.invoke(connection, callArgs);
                  });
            });
  }

  @Test
  void whereWritersDoNotQueueCreationsStillGetTheirOwnIdsAndAliases() throws Exception {
    store.writer = new SingleWriter(false);
    long first = store.insert(link("https://example.com/own", "own", null, List.of("t")), 1);
    assertThrows(
        LinkStore.AliasTakenException.class,
        () -> store.insert(link("https://example.com/again", "own", null, List.of("t")), 2));
    long second = store.insert(link("https://example.com/next", null, null, List.of()), 3);
    assertEquals(List.of(second, first), ids("example.com/"));
    assertEquals(Map.of("own", first), store.aliases());
  }

  @Test
  void anEditReplacesTheFieldsAndTheTagsButKeepsTheClicks() throws Exception {
    long id = store.insert(link("https://example.com/old", "old", "Old", List.of("a", "b")), 1);
    sql("UPDATE link SET clicks = 7 WHERE id = " + id);
    assertTrue(
        store.update(id, link("https://example.com/new", "new", "New", List.of("b", "c")), 99));
    LinkSearch.Page page = search.page(LinkQuery.newest(10), 100);
    LinkSummary edited = page.links().get(0);
    assertEquals("https://example.com/new", edited.original());
    assertEquals("new", edited.alias());
    assertEquals(List.of("b", "c"), edited.tags());
    assertEquals(7, edited.clicks());
    assertFalse(store.update(id + 100, link("https://example.com/x", null, null, List.of()), 1));
  }

  @Test
  void theWrittenVisitsIncludeTheClickLog() throws Exception {
    long id = store.insert(link("https://example.com/", null, null, List.of()), 1);
    sql("UPDATE link SET clicks = 5 WHERE id = " + id);
    sql("INSERT INTO click (link_id, clicks) VALUES (" + id + ", 2), (" + id + ", 3), (999, 4)");
    assertEquals(10, store.writtenVisits(id));
    assertEquals(0, store.writtenVisits(id + 1));
  }

  @Test
  void robotsListOnlyEnabledCrawlableLinks() throws Exception {
    LinkValues crawlable =
        new LinkValues(
            "https://example.com/c",
            "open",
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            302,
            false,
            true,
            false);
    LinkValues disabled =
        new LinkValues(
            "https://example.com/d",
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            302,
            false,
            true,
            true);
    long open = store.insert(crawlable, 1);
    store.insert(disabled, 2);
    store.insert(link("https://example.com/n", null, null, List.of()), 3);
    assertEquals(List.of(new LinkStore.Crawlable(open, "open")), store.crawlable());
  }

  @Test
  void searchFindsByPartOfTheDestinationTitleOrAliasByCodeAndByTag() throws Exception {
    long sale =
        store.insert(
            link("https://shop.example/spring-sale?x=1", null, "Frühling", List.of("Campaign")), 1);
    long docs = store.insert(link("https://docs.example/guide", "handbook", null, List.of()), 2);
    store.insert(link("https://other.example/", null, null, List.of()), 3);
    assertEquals(List.of(sale), ids("ring-sa"));
    assertEquals(List.of(sale), ids("FRÜH"));
    assertEquals(List.of(docs), ids("handbook"));
    assertEquals(List.of(docs), ids("andbo"));
    assertEquals(List.of(docs), ids(codes.encode(docs)));
    assertEquals(List.of(sale), ids("campaign"), "a tag, ignoring case");
    assertEquals(List.of(), ids("zz"), "two letters: codes and tags only");
    assertEquals(List.of(), ids("nothing like it"));
    assertEquals(List.of(), ids("\"; DROP TABLE link; --"));
  }

  private List<Long> ids(String text) {
    return search
        .page(new LinkQuery(text, null, LinkQuery.State.ALL, LinkQuery.Sort.NEWEST, null, 50), 0)
        .links()
        .stream()
        .map(LinkSummary::id)
        .toList();
  }

  @Test
  void filtersByStateAtTheGivenTime() throws Exception {
    long active = store.insert(link("https://example.com/active", null, null, List.of()), 1);
    long off =
        store.insert(
            new LinkValues(
                "https://example.com/off",
                null,
                null,
                List.of(),
                null,
                null,
                null,
                null,
                null,
                302,
                false,
                false,
                true),
            2);
    long over =
        store.insert(
            new LinkValues(
                "https://example.com/over",
                null,
                null,
                List.of(),
                null,
                500L,
                null,
                null,
                null,
                302,
                false,
                false,
                false),
            3);
    long later =
        store.insert(
            new LinkValues(
                "https://example.com/later",
                null,
                null,
                List.of(),
                2000L,
                null,
                null,
                null,
                null,
                302,
                false,
                false,
                false),
            4);
    long capped =
        store.insert(
            new LinkValues(
                "https://example.com/capped",
                null,
                null,
                List.of(),
                null,
                null,
                3L,
                null,
                null,
                302,
                false,
                false,
                false),
            5);
    sql("UPDATE link SET clicks = 3 WHERE id = " + capped);
    assertEquals(List.of(active), state(LinkQuery.State.ACTIVE, 1000));
    assertEquals(List.of(off), state(LinkQuery.State.DISABLED, 1000));
    assertEquals(List.of(capped, over), state(LinkQuery.State.EXPIRED, 1000));
    assertEquals(List.of(later), state(LinkQuery.State.SCHEDULED, 1000));
    assertEquals(List.of(later, active), state(LinkQuery.State.ACTIVE, 2500), "its window opened");
  }

  private List<Long> state(LinkQuery.State state, long now) {
    return search
        .page(new LinkQuery(null, null, state, LinkQuery.Sort.NEWEST, null, 50), now)
        .links()
        .stream()
        .map(LinkSummary::id)
        .toList();
  }

  @Test
  void pagesFollowEachOtherByKeysetWithoutRepeatsInEveryOrder() throws Exception {
    for (int i = 0; i < 23; i++) {
      long id = store.insert(link("https://example.com/" + i, null, null, List.of("t")), i);
      sql("UPDATE link SET clicks = " + (i % 5) + " WHERE id = " + id);
    }
    for (LinkQuery.Sort sort : LinkQuery.Sort.values()) {
      List<LinkSummary> seen = new java.util.ArrayList<>();
      String after = null;
      int pages = 0;
      do {
        LinkSearch.Page page =
            search.page(new LinkQuery(null, "t", LinkQuery.State.ALL, sort, after, 5), 0);
        seen.addAll(page.links());
        after = page.next();
        pages++;
      } while (after != null);
      assertEquals(5, pages, sort.name());
      assertEquals(23, seen.stream().map(LinkSummary::id).distinct().count(), sort + ": each once");
      for (int i = 1; i < seen.size(); i++) {
        LinkSummary before = seen.get(i - 1);
        LinkSummary now = seen.get(i);
        int order =
            switch (sort) {
              case NEWEST -> Long.compare(before.id(), now.id());
              case OLDEST -> Long.compare(now.id(), before.id());
              case MOST_CLICKED ->
                  before.clicks() != now.clicks()
                      ? Long.compare(before.clicks(), now.clicks())
                      : Long.compare(before.id(), now.id());
              case LEAST_CLICKED ->
                  before.clicks() != now.clicks()
                      ? Long.compare(now.clicks(), before.clicks())
                      : Long.compare(now.id(), before.id());
            };
        assertTrue(order > 0, sort + " at " + i);
      }
    }
  }

  @Test
  void aGarbledCursorStartsAtTheBeginning() throws Exception {
    store.insert(link("https://example.com/", null, null, List.of()), 1);
    assertEquals(
        1,
        search
            .page(
                new LinkQuery(
                    null, null, LinkQuery.State.ALL, LinkQuery.Sort.MOST_CLICKED, "x.y", 5),
                0)
            .links()
            .size());
  }

  @Test
  void deletingALinkRemovesItsTagsAndItsSearchEntry() throws Exception {
    long id = store.insert(link("https://gone.example/", null, null, List.of("gone")), 1);
    store.delete(id);
    assertEquals(List.of(), ids("gone.example"));
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM link_tag")) {
      rows.next();
      assertEquals(0, rows.getLong(1));
    }
  }
}
