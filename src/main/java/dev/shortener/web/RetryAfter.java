package dev.shortener.web;

import jakarta.faces.context.ExternalContext;
import java.time.Duration;

/** How a wait is told: a {@code Retry-After} header in whole seconds, and words for people. */
public final class RetryAfter {

  private RetryAfter() {}

  /** The wait in whole seconds, rounded up and at least one: waiting that long is enough. */
  public static long seconds(Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  /** "8 seconds", "1 minute", "15 minutes", rounded up. */
  public static String inWords(Duration wait) {
    long seconds = seconds(wait);
    if (seconds < 60) {
      return seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 59) / 60;
    return minutes + (minutes == 1 ? " minute" : " minutes");
  }

  /** Answers the current Faces request with 429 and {@code Retry-After}. */
  public static void tooManyRequests(ExternalContext external, Duration wait) {
    external.setResponseStatus(429);
    external.setResponseHeader("Retry-After", Long.toString(seconds(wait)));
  }
}
