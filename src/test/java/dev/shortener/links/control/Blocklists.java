package dev.shortener.links.control;

import java.nio.file.Path;

/** Builds a {@link Blocklist} on a file for tests, without the application's scheduler. */
final class Blocklists {

  private Blocklists() {}

  static Blocklist reading(Path file) {
    Blocklist list = new Blocklist();
    list.file = file;
    list.reloadIfChanged();
    return list;
  }
}
