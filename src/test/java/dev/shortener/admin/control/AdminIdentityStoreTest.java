package dev.shortener.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminIdentityStoreTest {

  @AfterEach
  void clear() {
    System.clearProperty("shortener.admin.password");
    System.clearProperty("shortener.admin.user");
  }

  private static CredentialValidationResult signIn(String user, String password) {
    AdminIdentityStore store = new AdminIdentityStore();
    store.load();
    return store.validate(new UsernamePasswordCredential(user, password));
  }

  @Test
  void withoutAPasswordNobodyGetsIn() {
    assertSame(CredentialValidationResult.INVALID_RESULT, signIn("admin", ""));
    assertSame(CredentialValidationResult.INVALID_RESULT, signIn("admin", "admin"));
  }

  @Test
  void theConfiguredAdminGetsTheAdminRole() {
    System.setProperty("shortener.admin.password", "s3cret");
    CredentialValidationResult result = signIn("admin", "s3cret");
    assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
    assertEquals("admin", result.getCallerPrincipal().getName());
    assertEquals(Set.of(AdminIdentityStore.ADMIN_ROLE), result.getCallerGroups());
  }

  @Test
  void wrongPasswordOrUserIsRefused() {
    System.setProperty("shortener.admin.password", "s3cret");
    System.setProperty("shortener.admin.user", "boss");
    assertSame(CredentialValidationResult.INVALID_RESULT, signIn("boss", "s3cret!"));
    assertSame(CredentialValidationResult.INVALID_RESULT, signIn("admin", "s3cret"));
    assertEquals(CredentialValidationResult.Status.VALID, signIn("boss", "s3cret").getStatus());
  }
}
