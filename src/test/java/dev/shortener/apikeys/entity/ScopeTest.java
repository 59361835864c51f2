package dev.shortener.apikeys.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void eachScopeIncludesTheOnesBelowIt() {
    assertTrue(Scope.READ.includes(Scope.READ));
    assertFalse(Scope.READ.includes(Scope.CREATE));
    assertFalse(Scope.READ.includes(Scope.ADMIN));
    assertTrue(Scope.CREATE.includes(Scope.READ));
    assertTrue(Scope.CREATE.includes(Scope.CREATE));
    assertFalse(Scope.CREATE.includes(Scope.ADMIN));
    assertTrue(Scope.ADMIN.includes(Scope.READ));
    assertTrue(Scope.ADMIN.includes(Scope.ADMIN));
  }

  @Test
  void labelsAreReadIgnoringCaseAndNothingElseIsAScope() {
    assertEquals("create", Scope.CREATE.label());
    assertEquals(Optional.of(Scope.ADMIN), Scope.of(" Admin "));
    assertEquals(Optional.empty(), Scope.of("root"));
    assertEquals(Optional.empty(), Scope.of(null));
  }

  @Test
  void aKeyOpensTheApiUntilRevokedOrExpired() {
    ApiKey open = new ApiKey(1, "a", Scope.READ, 0, null, null, null);
    assertTrue(open.validAt(Long.MAX_VALUE));
    ApiKey expiring = new ApiKey(1, "a", Scope.READ, 0, 1_000L, null, null);
    assertTrue(expiring.validAt(999));
    assertFalse(expiring.validAt(1_000), "expires at the instant given");
    ApiKey revoked = new ApiKey(1, "a", Scope.READ, 0, null, null, 5L);
    assertFalse(revoked.validAt(1));
  }
}
