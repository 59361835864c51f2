package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each of PostgreSQL's notices of another server's change does to this server's memory. */
class LinkNoticesTest {

  private final List<LinkChanged> fired = new ArrayList<>();
  private int totalsForgotten;
  private final LinkNotices notices = new LinkNotices();

  @BeforeEach
  void wire() {
    notices.search =
        new LinkSearch() {
          @Override
          public void forgetTotals() {
            totalsForgotten++;
          }
        };
    notices.changed = new Recorded();
  }

  @Test
  void anEditOrADeletionElsewhereIsThisServersOwnChangeEvent() {
    notices.apply("changed 7 old new");
    notices.apply("changed 8 - -");
    notices.apply("deleted 9 gone -");
    assertEquals(
        List.of(
            new LinkChanged(7, "old", "new", false),
            new LinkChanged(8, null, null, false),
            new LinkChanged(9, "gone", null, true)),
        fired);
  }

  @Test
  void aNoticeOfAnotherFormIsIgnored() {
    notices.apply("changed 7");
    notices.apply("created 42 - sale");
    notices.apply("");
    assertEquals(List.of(), fired);
    assertEquals(0, totalsForgotten);
  }

  /** The events fired, in order. */
  private final class Recorded implements Event<LinkChanged> {
    @Override
    public void fire(LinkChanged event) {
      fired.add(event);
    }

    @Override
    public <U extends LinkChanged> CompletionStage<U> fireAsync(U event) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends LinkChanged> CompletionStage<U> fireAsync(
        U event, NotificationOptions options) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Event<LinkChanged> select(Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends LinkChanged> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends LinkChanged> Event<U> select(
        TypeLiteral<U> subtype, Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
