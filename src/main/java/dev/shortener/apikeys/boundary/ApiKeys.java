package dev.shortener.apikeys.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shortener.apikeys.control.ApiKeySecrets;
import dev.shortener.apikeys.control.ApiKeyStore;
import dev.shortener.apikeys.entity.ApiKey;
import dev.shortener.apikeys.entity.Scope;
import dev.shortener.platform.SchemaReady;
import dev.shortener.platform.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The REST API's keys, for the admin's page and for the API's gate: make one (shown once), list
 * them, revoke one, and tell who a presented key is.
 *
 * <p>Telling costs no database work and no hashing on most calls: what a presented key resolves to
 * is remembered for a few seconds (in memory only, where the request held it anyway; the database
 * keeps hashes alone), and a revocation here forgets it at once. When it was last used is written
 * at most once a minute per key, so that a busy script does not turn every read into a write.
 */
@ApplicationScoped
public class ApiKeys {

  private static final Logger LOG = Logger.getLogger(ApiKeys.class.getName());

  /** The longest name the admin may give a key. */
  public static final int MAX_NAME_LENGTH = 100;

  private static final Duration REMEMBERED = Duration.ofSeconds(5);
  private static final long USE_WRITTEN_EVERY_MS = 60_000;

  @Inject ApiKeyStore store;

  Clock clock = Clock.systemUTC();

  private final Cache<String, Optional<ApiKey>> bySecret =
      Caffeine.newBuilder().expireAfterWrite(REMEMBERED).maximumSize(10_000).build();
  private final Map<Long, Long> lastWritten = new ConcurrentHashMap<>();

  /** A key just made: what is stored, and the key itself, which is never shown again. */
  public record Issued(ApiKey key, String secret) {}

  /** Thrown for a name or an expiry that cannot be; nothing is stored. */
  public static class InvalidKeyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    /** A refusal of the form's field {@code field} ({@code name} or {@code expires}). */
    public InvalidKeyException(String field, String message) {
      super(message);
      this.field = field;
    }

    /** The field the message belongs next to. */
    public String field() {
      return field;
    }
  }

  /** At start, {@code SHORTENER_INITIAL_API_KEY} becomes the first admin key if there is none. */
  void provision(@Observes SchemaReady ready) {
    Optional<String> initial = Setting.INITIAL_API_KEY.value();
    if (initial.isEmpty() || store.any()) {
      return;
    }
    store.insert(
        "initial (" + Setting.INITIAL_API_KEY.environmentVariable() + ")",
        Scope.ADMIN,
        ApiKeySecrets.hash(initial.get()),
        clock.millis(),
        null);
    LOG.info(
        () ->
            "Made the initial admin API key from " + Setting.INITIAL_API_KEY.environmentVariable());
  }

  /**
   * Makes a key named {@code name} with {@code scope}, valid until {@code expires} (epoch millis)
   * or for good when null.
   */
  public Issued issue(String name, Scope scope, Long expires) throws InvalidKeyException {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty()) {
      throw new InvalidKeyException(
          "name", "Give the key a name, e.g. the script that will use it.");
    }
    if (stripped.length() > MAX_NAME_LENGTH || stripped.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidKeyException(
          "name",
          "A name has at most " + MAX_NAME_LENGTH + " characters and no control characters.");
    }
    long now = clock.millis();
    if (expires != null && expires <= now) {
      throw new InvalidKeyException("expires", "The expiry must be in the future.");
    }
    String secret = ApiKeySecrets.generate();
    ApiKey key = store.insert(stripped, scope, ApiKeySecrets.hash(secret), now, expires);
    LOG.info(() -> "Made API key " + key.id() + " (" + scope.label() + ")");
    return new Issued(key, secret);
  }

  /** Every key, newest first, revoked ones included. */
  public List<ApiKey> all() {
    return store.all();
  }

  /** Revokes key {@code id}: it opens nothing from the next request on. */
  public boolean revoke(long id) {
    boolean revoked = store.revoke(id, clock.millis());
    if (revoked) {
      bySecret.invalidateAll();
      LOG.info(() -> "Revoked API key " + id);
    }
    return revoked;
  }

  /** The valid key {@code secret} is, or empty for an unknown, expired or revoked one. */
  public Optional<ApiKey> recognise(String secret) {
    Optional<ApiKey> key =
        bySecret.get(secret, presented -> store.byHash(ApiKeySecrets.hash(presented)));
    long now = clock.millis();
    if (key.isEmpty() || !key.get().validAt(now)) {
      return Optional.empty();
    }
    long id = key.get().id();
    Long written = lastWritten.get(id);
    if (written == null || now - written >= USE_WRITTEN_EVERY_MS) {
      lastWritten.put(id, now);
      store.used(id, now);
    }
    return key;
  }
}
