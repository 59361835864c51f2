package dev.shortener.apikeys.boundary;

import dev.shortener.apikeys.entity.ApiKey;
import dev.shortener.apikeys.entity.Scope;
import dev.shortener.links.boundary.LinkService;
import dev.shortener.web.AdminTimes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * Backs {@code /admin/keys}: the REST API's keys with their scope, creation, expiry and last use;
 * the form that makes one, whose answer shows the new key once (not through a redirect, so that it
 * never sits in an address or the history); and a Revoke button per key.
 */
@Named
@RequestScoped
public class ApiKeysPage {

  @Inject ApiKeys keys;
  @Inject HttpServletRequest request;

  private final AdminTimes times = new AdminTimes(LinkService.zone());

  private String name = "";
  private String scope = Scope.READ.label();
  private String expires = "";
  private ApiKeys.Issued issued;
  private List<Row> rows;

  /** One key as the table shows it. A class, not a record: EL 4 reads getters only. */
  public final class Row {
    private final ApiKey key;

    Row(ApiKey key) {
      this.key = key;
    }

    public long getId() {
      return key.id();
    }

    public String getName() {
      return key.name();
    }

    public String getScope() {
      return key.scope().label();
    }

    public String getCreated() {
      return times.shown(key.created());
    }

    public String getExpires() {
      // The end of the last day given: shown as that day's last minute, not the next midnight.
      return key.expires() == null ? "never" : times.shown(key.expires() - 1);
    }

    public String getLastUsed() {
      return key.lastUsed() == null ? "never" : times.shown(key.lastUsed());
    }

    /** "Active", "Expired" or "Revoked 2026-12-01 10:00". */
    public String getState() {
      if (key.revoked() != null) {
        return "Revoked " + times.shown(key.revoked());
      }
      return key.validAt(System.currentTimeMillis()) ? "Active" : "Expired";
    }

    public boolean isRevocable() {
      return key.revoked() == null;
    }
  }

  /** The form's action: makes the key and shows it, or says what is wrong with the form. */
  public void create() {
    Long expiry = null;
    try {
      if (!expires.isBlank()) {
        // A key expires at the end of the day given, in the admin's zone.
        expiry =
            LocalDate.parse(expires.strip())
                .plusDays(1)
                .atStartOfDay(LinkService.zone())
                .toInstant()
                .toEpochMilli();
      }
      Scope chosen =
          Scope.of(scope)
              .orElseThrow(
                  () -> new ApiKeys.InvalidKeyException("name", "Choose read, create or admin."));
      issued = keys.issue(name, chosen, expiry);
      ((HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse())
          .setHeader("Cache-Control", "no-store");
      name = "";
      expires = "";
      rows = null;
    } catch (DateTimeException notADate) {
      refuse("expires", "The expiry is a date such as 2027-06-30.");
    } catch (ApiKeys.InvalidKeyException refused) {
      refuse(refused.field(), refused.getMessage());
    }
  }

  private static void refuse(String field, String message) {
    FacesContext.getCurrentInstance()
        .addMessage("key:" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  /** A row's Revoke button: the key with the posted id opens nothing from now on. */
  public void revoke() throws IOException {
    String id = request.getParameter("id");
    boolean revoked = false;
    try {
      revoked = id != null && keys.revoke(Long.parseLong(id));
    } catch (NumberFormatException garbage) {
      // not a key of this page: the notice below says nothing was revoked
    }
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(
        external.getRequestContextPath() + "/admin/keys" + (revoked ? "?revoked=" + id : ""));
  }

  /** Whether the field {@code name} was refused, for its styling and ARIA. */
  public boolean refused(String field) {
    return !FacesContext.getCurrentInstance().getMessageList("key:" + field).isEmpty();
  }

  public List<Row> getKeys() {
    if (rows == null) {
      rows = keys.all().stream().map(Row::new).toList();
    }
    return rows;
  }

  /** The key just made, shown once; null otherwise. */
  public String getSecret() {
    return issued == null ? null : issued.secret();
  }

  /** The name of the key just made. */
  public String getIssuedName() {
    return issued == null ? null : issued.key().name();
  }

  public String getIssuedScope() {
    return issued == null ? null : issued.key().scope().label();
  }

  public List<String> getScopes() {
    return List.of(Scope.READ.label(), Scope.CREATE.label(), Scope.ADMIN.label());
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? "" : name;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getExpires() {
    return expires;
  }

  public void setExpires(String expires) {
    this.expires = expires == null ? "" : expires;
  }

  /** The zone an expiry date is read in. */
  public String getZone() {
    return times.zoneName();
  }
}
