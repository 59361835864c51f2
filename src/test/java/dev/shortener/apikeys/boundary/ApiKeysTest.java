package dev.shortener.apikeys.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.apikeys.control.ApiKeySecrets;
import dev.shortener.apikeys.control.ApiKeyStore;
import dev.shortener.apikeys.entity.ApiKey;
import dev.shortener.apikeys.entity.Scope;
import dev.shortener.platform.SchemaReady;
import dev.shortener.platform.Setting;
import dev.shortener.platform.SingleWriter;
import dev.shortener.platform.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys against a real SQLite file with the migrated schema. */
class ApiKeysTest {

  @TempDir Path folder;

  private DataSource database;
  private final ApiKeys keys = new ApiKeys();

  @BeforeEach
  void migrate() {
    database = TestDatabase.migrated(folder);
    keys.store = new ApiKeyStore(database, new SingleWriter());
    at(1_000_000);
  }

  @AfterEach
  void clear() {
    System.clearProperty(Setting.INITIAL_API_KEY.systemProperty());
  }

  private void at(long millis) {
    keys.clock = Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
  }

  private String storedHashes() throws Exception {
    try (Connection connection = database.getConnection();
        Statement query = connection.createStatement();
        ResultSet rows = query.executeQuery("SELECT group_concat(key_hash) FROM api_key")) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Test
  void aKeyIsShownOnceAndOnlyItsHashIsStored() throws Exception {
    ApiKeys.Issued issued = keys.issue("  deploy  ", Scope.CREATE, null);
    assertEquals("deploy", issued.key().name());
    assertEquals(Scope.CREATE, issued.key().scope());
    assertEquals(ApiKeySecrets.hash(issued.secret()), storedHashes());
    assertFalse(storedHashes().contains(issued.secret()));
    assertEquals(issued.key().id(), keys.recognise(issued.secret()).orElseThrow().id());
    assertTrue(keys.recognise("not-" + issued.secret()).isEmpty());
  }

  @Test
  void aRevokedKeyOpensNothingAtOnce() throws Exception {
    ApiKeys.Issued issued = keys.issue("bot", Scope.READ, null);
    assertTrue(keys.recognise(issued.secret()).isPresent(), "remembered now");
    assertTrue(keys.revoke(issued.key().id()));
    assertTrue(keys.recognise(issued.secret()).isEmpty(), "not from the memory either");
    assertFalse(keys.revoke(issued.key().id()), "once");
    ApiKey listed = keys.all().get(0);
    assertEquals(1_000_000L, listed.revoked());
  }

  @Test
  void aKeyExpiresAndLastUseIsWrittenAtMostOnceAMinute() throws Exception {
    ApiKeys.Issued issued = keys.issue("ci", Scope.ADMIN, 2_000_000L);
    keys.recognise(issued.secret());
    assertEquals(1_000_000L, keys.all().get(0).lastUsed());
    at(1_030_000);
    keys.recognise(issued.secret());
    assertEquals(1_000_000L, keys.all().get(0).lastUsed(), "not again within the minute");
    at(1_060_000);
    keys.recognise(issued.secret());
    assertEquals(1_060_000L, keys.all().get(0).lastUsed());
    at(2_000_000);
    assertTrue(keys.recognise(issued.secret()).isEmpty(), "expired");
  }

  @Test
  void namesAndExpiriesThatCannotBeAreRefused() {
    assertThrows(ApiKeys.InvalidKeyException.class, () -> keys.issue(" ", Scope.READ, null));
    assertThrows(
        ApiKeys.InvalidKeyException.class, () -> keys.issue("x".repeat(101), Scope.READ, null));
    assertThrows(ApiKeys.InvalidKeyException.class, () -> keys.issue("a\nb", Scope.READ, null));
    assertThrows(ApiKeys.InvalidKeyException.class, () -> keys.issue("past", Scope.READ, 999_999L));
    assertEquals(List.of(), keys.all(), "nothing stored");
  }

  @Test
  void theInitialKeyIsMadeOnlyWhileThereIsNone() throws Exception {
    keys.provision(new SchemaReady());
    assertEquals(List.of(), keys.all(), "not configured");
    System.setProperty(Setting.INITIAL_API_KEY.systemProperty(), "provisioned-key");
    keys.provision(new SchemaReady());
    ApiKey initial = keys.recognise("provisioned-key").orElseThrow();
    assertEquals(Scope.ADMIN, initial.scope());
    keys.revoke(initial.id());
    keys.provision(new SchemaReady());
    assertEquals(1, keys.all().size(), "a revoked key still counts: no second one at restart");
  }
}
