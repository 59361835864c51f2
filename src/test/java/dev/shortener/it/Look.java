package dev.shortener.it;

/** A screen and colour scheme a person may see the site in; BrowserIT runs each scenario in all. */
enum Look {
  PHONE(375, 740, false),
  DESKTOP(1280, 800, false),
  PHONE_DARK(375, 740, true),
  DESKTOP_DARK(1280, 800, true);

  final int width;
  final int height;
  final boolean dark;

  Look(int width, int height, boolean dark) {
    this.width = width;
    this.height = height;
    this.dark = dark;
  }

  boolean phone() {
    return width < 576;
  }

  /** Suffix of screenshot names, e.g. {@code 375-dark}. */
  String suffix() {
    return width + (dark ? "-dark" : "-light");
  }
}
