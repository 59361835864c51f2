package dev.shortener.links.control;

import dev.shortener.platform.PasswordHash;
import dev.shortener.web.ClientAddress;
import dev.shortener.web.GuessThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Checks the password of a protected link, throttled per link and client like the admin's sign-in
 * ({@link GuessThrottle}, one scope per link): a guesser gets a handful of tries an hour per link,
 * whatever the number of addresses, and the slow hash runs only for a try the throttle allows.
 */
@ApplicationScoped
public class PasswordGate {

  @Inject GuessThrottle throttle;

  /** What became of a try. */
  public sealed interface Verdict {}

  /** The right password. */
  public record Open() implements Verdict {}

  /** A wrong one. */
  public record Wrong() implements Verdict {}

  /** Too many tries: come back in {@code time}. */
  public record Wait(Duration time) implements Verdict {}

  /** The verdict on {@code password}, tried by {@code client} for {@code redirect}'s link. */
  public Verdict check(Redirect redirect, String password, ClientAddress client) {
    String scope = "link " + redirect.id();
    Duration wait = throttle.reserve(scope, client);
    if (!wait.isZero()) {
      return new Wait(wait);
    }
    boolean right =
        password != null
            && PasswordHash.parse(redirect.passwordHash())
                .map(hash -> hash.matches(password.toCharArray()))
                .orElse(false);
    if (!right) {
      return new Wrong();
    }
    throttle.succeeded(scope, client);
    return new Open();
  }
}
