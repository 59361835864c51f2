package dev.shortener.admin.control;

import dev.shortener.platform.PasswordHash;
import dev.shortener.platform.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The one admin account: {@code SHORTENER_ADMIN_USER} (default {@code admin}) with the password
 * from {@code SHORTENER_ADMIN_PASSWORD}, kept only as a {@link PasswordHash}.
 *
 * <p>Without a configured password every login fails and the log says how to open the admin pages;
 * there is deliberately no default password to forget to change.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

  /** The role that may see the admin pages; web.xml's security constraint names it too. */
  public static final String ADMIN_ROLE = "admin";

  private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());

  private String user;
  private PasswordHash password;

  @PostConstruct
  void load() {
    user = Setting.ADMIN_USER.value().orElseThrow();
    password =
        Setting.ADMIN_PASSWORD.value().map(p -> PasswordHash.of(p.toCharArray())).orElse(null);
    if (password == null) {
      LOG.warning(
          "The admin pages are closed: no admin password is configured. Set "
              + Setting.ADMIN_PASSWORD.environmentVariable()
              + " (user "
              + user
              + ", or "
              + Setting.ADMIN_USER.environmentVariable()
              + ") and restart to open them.");
    }
  }

  /** Validates admin credentials; anything else is {@code INVALID_RESULT}. */
  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    boolean userMatches =
        MessageDigest.isEqual(
            user.getBytes(StandardCharsets.UTF_8),
            credential.getCaller().getBytes(StandardCharsets.UTF_8));
    if (password != null && password.matches(credential.getPassword().getValue()) && userMatches) {
      return new CredentialValidationResult(user, Set.of(ADMIN_ROLE));
    }
    return CredentialValidationResult.INVALID_RESULT;
  }
}
