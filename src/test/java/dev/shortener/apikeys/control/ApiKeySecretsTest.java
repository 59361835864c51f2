package dev.shortener.apikeys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretsTest {

  @Test
  void keysAre256RandomBitsInUrlSafeText() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String key = ApiKeySecrets.generate();
      assertEquals(43, key.length());
      assertTrue(key.matches("[A-Za-z0-9_-]+"), key);
      seen.add(key);
    }
    assertEquals(1_000, seen.size());
  }

  @Test
  void theStoredFormIsTheSha256InHex() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ApiKeySecrets.hash("abc"));
  }
}
