package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.platform.SingleWriter;
import dev.shortener.platform.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's list (numbered pages of a {@link ShortUrlQuery}) and tags, on a real SQLite file. */
class ShortUrlSearchTest {

  @TempDir Path folder;

  private DataSource database;
  private final LinkStore store = new LinkStore();
  private final LinkSearch search = new LinkSearch();
  private long apple;
  private long banana;
  private long cherry;

  @BeforeEach
  void seed() throws Exception {
    database = TestDatabase.migrated(folder);
    store.database = database;
    store.writer = new SingleWriter();
    search.database = database;
    search.codes = new ShortCodes("salt", 4);
    apple =
        store.insert(
            link("https://example.com/apple", "zeta", "Zebra", List.of("fruit", "red"), null, null),
            1_000);
    banana =
        store.insert(
            link("https://example.com/banana", null, null, List.of("fruit"), 2L, null), 2_000);
    cherry =
        store.insert(
            link("https://example.com/cherry", "alpha", "Apple pie", List.of("red"), null, 5_000L),
            3_000);
    sql("UPDATE link SET clicks = 5 WHERE id = " + apple);
    sql("UPDATE link SET clicks = 2 WHERE id = " + banana);
    sql("UPDATE link SET clicks = 9 WHERE id = " + cherry);
  }

  private static LinkValues link(
      String url, String alias, String title, List<String> tags, Long maxVisits, Long validUntil) {
    return new LinkValues(
        url, alias, title, tags, null, validUntil, maxVisits, null, null, 302, true, false, false);
  }

  private void sql(String statement) throws SQLException {
    try (Connection connection = database.getConnection();
        Statement run = connection.createStatement()) {
      run.executeUpdate(statement);
    }
  }

  private static ShortUrlQuery query(
      String text, List<String> tags, boolean all, ShortUrlQuery.Order order, boolean descending) {
    return new ShortUrlQuery(text, tags, all, null, null, false, false, order, descending, 1, 10);
  }

  private List<Long> ids(ShortUrlQuery query, long now) {
    return search.page(query, now).ids();
  }

  @Test
  void everyOrderSortsAsItSaysAndTiesGoByCreation() {
    ShortUrlQuery.Order created = ShortUrlQuery.Order.DATE_CREATED;
    assertEquals(
        List.of(cherry, banana, apple), ids(query(null, List.of(), false, created, true), 0));
    assertEquals(
        List.of(apple, banana, cherry), ids(query(null, List.of(), false, created, false), 0));
    assertEquals(
        List.of(cherry, apple, banana),
        ids(query(null, List.of(), false, ShortUrlQuery.Order.VISITS, true), 0));
    assertEquals(
        List.of(cherry, apple, banana),
        ids(query(null, List.of(), false, ShortUrlQuery.Order.SHORT_CODE, false), 0),
        "aliases alphabetically, then codes in the order they were made");
    assertEquals(
        List.of(cherry, banana, apple),
        ids(query(null, List.of(), false, ShortUrlQuery.Order.LONG_URL, true), 0));
    assertEquals(
        List.of(banana, cherry, apple),
        ids(query(null, List.of(), false, ShortUrlQuery.Order.TITLE, false), 0),
        "no title sorts first, as an empty one");
  }

  @Test
  void tagsMatchAnyOrAllAndTextMatchesTitlesAndAliases() {
    ShortUrlQuery.Order created = ShortUrlQuery.Order.DATE_CREATED;
    assertEquals(
        List.of(cherry, banana, apple),
        ids(query(null, List.of("fruit", "red"), false, created, true), 0));
    assertEquals(List.of(apple), ids(query(null, List.of("fruit", "red"), true, created, true), 0));
    assertEquals(List.of(), ids(query(null, List.of("none"), false, created, true), 0));
    assertEquals(List.of(cherry), ids(query("apple pie", List.of(), false, created, true), 0));
    assertEquals(List.of(apple), ids(query("zeta", List.of(), false, created, true), 0));
  }

  @Test
  void creationWindowsCapsAndEndsFilterAndTheTotalCountsEveryMatch() {
    ShortUrlQuery.Order created = ShortUrlQuery.Order.DATE_CREATED;
    assertEquals(
        List.of(banana),
        ids(
            new ShortUrlQuery(
                null, List.of(), false, 2_000L, 2_000L, false, false, created, true, 1, 10),
            0),
        "both bounds included");
    assertEquals(
        List.of(cherry, apple),
        ids(
            new ShortUrlQuery(
                null, List.of(), false, null, null, true, false, created, true, 1, 10),
            0),
        "banana has had its 2 visits");
    assertEquals(
        List.of(cherry, banana, apple),
        ids(
            new ShortUrlQuery(
                null, List.of(), false, null, null, false, true, created, true, 1, 10),
            5_000),
        "valid until the instant itself");
    assertEquals(
        List.of(banana, apple),
        ids(
            new ShortUrlQuery(
                null, List.of(), false, null, null, false, true, created, true, 1, 10),
            5_001));
    LinkSearch.IdPage second =
        search.page(
            new ShortUrlQuery(
                null, List.of(), false, null, null, false, false, created, true, 2, 2),
            0);
    assertEquals(List.of(apple), second.ids());
    assertEquals(3, second.total());
  }

  @Test
  void theTotalIsRememberedUntilTheNextWrite() throws Exception {
    ShortUrlQuery all =
        new ShortUrlQuery(
            null,
            List.of(),
            false,
            null,
            null,
            false,
            false,
            ShortUrlQuery.Order.DATE_CREATED,
            true,
            1,
            1);
    assertEquals(3, search.page(all, 0).total());
    long durian =
        store.insert(link("https://example.com/durian", null, null, List.of(), null, null), 4_000);
    assertEquals(3, search.page(all, 0).total(), "remembered");
    assertEquals(List.of(durian), search.page(all, 0).ids(), "the rows are read every time");
    search.created(new LinkCreated(null));
    assertEquals(4, search.page(all, 0).total());
    store.delete(durian);
    search.changed(new LinkChanged(durian, null, null, true));
    assertEquals(3, search.page(all, 0).total());
    store.insert(link("https://example.com/elder", null, null, List.of(), null, null), 5_000);
    search.forgetTotals();
    assertEquals(4, search.page(all, 0).total());
  }

  @Test
  void tagsAreCountedRenamedAndDeleted() {
    assertEquals(
        List.of(new LinkSearch.TagStats("fruit", 2, 7), new LinkSearch.TagStats("red", 2, 14)),
        search.tags());
    assertEquals(LinkStore.Renamed.NAME_TAKEN, store.renameTag("fruit", "red"));
    assertEquals(LinkStore.Renamed.NO_SUCH_TAG, store.renameTag("blue", "green"));
    assertEquals(LinkStore.Renamed.NO_SUCH_TAG, store.renameTag("blue", "blue"));
    assertEquals(LinkStore.Renamed.DONE, store.renameTag("red", "red"));
    assertEquals(LinkStore.Renamed.DONE, store.renameTag("red", "crimson"));
    assertEquals(
        List.of(new LinkSearch.TagStats("crimson", 2, 14), new LinkSearch.TagStats("fruit", 2, 7)),
        search.tags());
    store.deleteTags(List.of("crimson", "no-such"));
    assertEquals(List.of(new LinkSearch.TagStats("fruit", 2, 7)), search.tags());
    assertEquals(
        List.of(),
        ids(query(null, List.of("crimson"), false, ShortUrlQuery.Order.DATE_CREATED, true), 0));
  }

  @Test
  void anExistingLinkIsFoundByItsDestinationAndAliasAndTheClicksAreSummed() {
    assertEquals(Optional.of(banana), search.existing("https://example.com/banana", null));
    assertEquals(Optional.of(apple), search.existing("https://example.com/apple", "zeta"));
    assertEquals(Optional.empty(), search.existing("https://example.com/apple", "other"));
    assertEquals(Optional.empty(), search.existing("https://example.com/durian", null));
    assertEquals(16, search.totalClicks());
    assertTrue(search.tags().stream().allMatch(tag -> tag.links() > 0));
  }
}
