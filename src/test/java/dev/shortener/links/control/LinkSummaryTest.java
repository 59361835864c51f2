package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkSummaryTest {

  private static LinkSummary link(
      boolean disabled, Long from, Long until, Long maxVisits, long clicks) {
    return new LinkSummary(
        1,
        "https://example.com/",
        null,
        null,
        clicks,
        0,
        disabled,
        from,
        until,
        maxVisits,
        false,
        List.of());
  }

  @Test
  void theStateFollowsTheSwitchTheWindowAndTheCap() {
    assertEquals(LinkQuery.State.ACTIVE, link(false, null, null, null, 0).state(100));
    assertEquals(LinkQuery.State.DISABLED, link(true, 200L, 50L, 1L, 5).state(100), "first");
    assertEquals(LinkQuery.State.SCHEDULED, link(false, 101L, null, null, 0).state(100));
    assertEquals(LinkQuery.State.ACTIVE, link(false, 100L, null, null, 0).state(100), "from then");
    assertEquals(
        LinkQuery.State.EXPIRED, link(false, null, 100L, null, 0).state(100), "until then");
    assertEquals(LinkQuery.State.ACTIVE, link(false, null, 101L, null, 0).state(100));
    assertEquals(LinkQuery.State.EXPIRED, link(false, null, null, 3L, 3).state(100));
    assertEquals(LinkQuery.State.ACTIVE, link(false, null, null, 3L, 2).state(100));
  }

  @Test
  void tagsAreSetOnACopy() {
    LinkSummary tagged = link(false, null, null, null, 0).withTags(List.of("a", "b"));
    assertEquals(List.of("a", "b"), tagged.tags());
    assertEquals(1, tagged.id());
    assertEquals("https://example.com/", tagged.original());
  }
}
