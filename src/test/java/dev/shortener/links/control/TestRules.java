package dev.shortener.links.control;

import java.time.ZoneId;

/** The link rules as the application wires them, for the tests of other packages. */
public final class TestRules {

  private TestRules() {}

  /** Rules that make codes with {@code codes}, read local times in {@code zone}, block nothing. */
  public static LinkRules of(ShortCodes codes, ZoneId zone) {
    return new LinkRules(destinations(codes), codes, zone);
  }

  /** The destination rules with {@code codes} for links to this shortener, blocking nothing. */
  public static Destinations destinations(ShortCodes codes) {
    Destinations destinations = new Destinations();
    destinations.codes = codes;
    destinations.blocklist = new Blocklist();
    return destinations;
  }
}
