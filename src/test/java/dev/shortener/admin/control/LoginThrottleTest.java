package dev.shortener.admin.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  @Test
  void stopsAnAddressAfterTooManyFailuresButNotOthers() {
    LoginThrottle throttle = new LoginThrottle();
    for (int i = 0; i < LoginThrottle.ALLOWED_FAILURES; i++) {
      assertTrue(throttle.allows("192.0.2.1"), "attempt " + i);
      throttle.failed("192.0.2.1");
    }
    assertFalse(throttle.allows("192.0.2.1"));
    assertTrue(throttle.allows("192.0.2.2"));
  }
}
