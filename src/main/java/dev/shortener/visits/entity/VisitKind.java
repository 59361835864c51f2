package dev.shortener.visits.entity;

/**
 * Who made a visit: a person, a bot (crawlers, monitors, scripts) or a link preview (the fetch a
 * chat or social app makes to show a card for a pasted link). Bots and previews are counted apart
 * from people, never mixed into their numbers.
 */
public enum VisitKind {
  PERSON,
  BOT,
  PREVIEW;

  /** Shlink's {@code potentialBot}: bots and previews alike. */
  public boolean potentialBot() {
    return this != PERSON;
  }
}
