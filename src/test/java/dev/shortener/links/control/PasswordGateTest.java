package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.web.ClientAddress;
import dev.shortener.web.GuessThrottle;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordGateTest {

  private final PasswordGate gate = new PasswordGate();
  private final ClientAddress client = ClientAddress.of("192.0.2.7");

  PasswordGateTest() {
    gate.throttle = new GuessThrottle();
  }

  /** A stored hash of {@code password} with few iterations, so that the test stays fast. */
  private static String hashOf(String password) throws Exception {
    byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    byte[] hash =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 1_000, 256))
            .getEncoded();
    Base64.Encoder base64 = Base64.getEncoder();
    return "pbkdf2-sha256$1000$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
  }

  private static Redirect locked(long id, String hash) {
    return Redirect.of(
        new LinkRow(
            id,
            "https://example.com/",
            null,
            false,
            null,
            null,
            null,
            null,
            hash,
            302,
            false,
            false),
        new Blocklist());
  }

  @Test
  void theRightPasswordOpensAndAWrongOrMissingOneDoesNot() throws Exception {
    Redirect link = locked(1, hashOf("open sesame"));
    assertInstanceOf(PasswordGate.Wrong.class, gate.check(link, "guess", client));
    assertInstanceOf(PasswordGate.Wrong.class, gate.check(link, null, client));
    assertInstanceOf(PasswordGate.Open.class, gate.check(link, "open sesame", client));
    assertInstanceOf(
        PasswordGate.Wrong.class, gate.check(locked(2, "garbled"), "open sesame", client));
  }

  @Test
  void guessesAreThrottledPerLinkAndClient() throws Exception {
    Redirect link = locked(3, hashOf("secret"));
    PasswordGate.Verdict verdict = null;
    for (int i = 0; i < 10 && !(verdict instanceof PasswordGate.Wait); i++) {
      verdict = gate.check(link, "guess " + i, client);
    }
    PasswordGate.Wait wait = assertInstanceOf(PasswordGate.Wait.class, verdict);
    assertTrue(wait.time().toMillis() > 0);
    assertInstanceOf(
        PasswordGate.Wait.class,
        gate.check(link, "secret", client),
        "even the right password waits its turn");
    assertInstanceOf(
        PasswordGate.Open.class,
        gate.check(locked(4, hashOf("secret")), "secret", client),
        "another link has its own count");
  }
}
