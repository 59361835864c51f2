package dev.shortener.links.control;

import dev.shortener.platform.Setting;
import dev.shortener.web.ClientAddress;
import dev.shortener.web.RateLimiter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * How many links one client may create with the public form: {@code SHORTENER_CREATION_PER_MINUTE}
 * in a burst, and {@code SHORTENER_CREATION_PER_HOUR} in all, refilled evenly (defaults 10 and 100,
 * which no person shortening by hand ever meets). An open shortener is otherwise a tool for
 * phishing campaigns within days.
 */
@ApplicationScoped
public class CreationLimits {

  private RateLimiter limiter;

  @PostConstruct
  void load() {
    limiter =
        RateLimiter.of(Setting.CREATION_PER_MINUTE.intValue(), Duration.ofMinutes(1))
            .and(Setting.CREATION_PER_HOUR.intValue(), Duration.ofHours(1))
            .build();
  }

  /** Takes one creation for {@code client}: zero if granted, else how long until it would be. */
  public Duration take(ClientAddress client) {
    return limiter.take(client.key());
  }

  /** Gives back a creation that was refused after all, so typos cost nothing. */
  public void giveBack(ClientAddress client) {
    limiter.giveBack(client.key());
  }
}
