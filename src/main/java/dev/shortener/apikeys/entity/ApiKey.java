package dev.shortener.apikeys.entity;

/**
 * A key of the REST API as stored: never the key itself, only what the admin sees of it. Times are
 * epoch milliseconds; {@code expires}, {@code lastUsed} and {@code revoked} are null when absent.
 */
public record ApiKey(
    long id, String name, Scope scope, long created, Long expires, Long lastUsed, Long revoked) {

  /** Whether the key opens the API at {@code now}: neither revoked nor expired. */
  public boolean validAt(long now) {
    return revoked == null && (expires == null || now < expires);
  }
}
