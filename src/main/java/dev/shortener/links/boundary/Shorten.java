package dev.shortener.links.boundary;

import dev.shortener.links.control.CreationLimits;
import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkForm;
import dev.shortener.platform.Setting;
import dev.shortener.web.ClientAddress;
import dev.shortener.web.RetryAfter;
import dev.shortener.web.TrustedProxy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/**
 * Backs the home page form: one URL (and, unless {@code SHORTENER_PUBLIC_ALIASES=false}, a custom
 * alias) in, one short link (or the reasons, next to their fields) out.
 *
 * <p>Who may use it is {@code SHORTENER_CREATION}'s to say: everyone ({@code public}, the default)
 * or only the signed-in admin ({@code admin}). Everyone but the admin is held to {@link
 * CreationLimits}; a refused URL gives its token back.
 */
@Named
@RequestScoped
public class Shorten {

  /** Client id of the URL field, where refusals are shown. */
  static final String URL_FIELD = "shorten:url";

  /** Client id of the alias field. */
  static final String ALIAS_FIELD = "shorten:alias";

  @Inject LinkService links;
  @Inject PublicOrigin origin;
  @Inject CreationLimits limits;
  @Inject TrustedProxy proxy;
  @Inject HttpServletRequest request;

  private boolean adminOnly;
  private boolean publicAliases;
  private String url;
  private String alias;
  private ShortLink link;

  @PostConstruct
  void load() {
    adminOnly = Setting.CREATION.choice("public", "admin").equals("admin");
    publicAliases = Setting.PUBLIC_ALIASES.booleanValue();
  }

  /** The form's action. */
  public void submit() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    boolean admin = isAdmin();
    if (!isOpen()) {
      external.setResponseStatus(403);
      refuse(faces, "Only the admin can shorten links on this site. Sign in first.");
      return;
    }
    ClientAddress client = proxy.clientOf(request);
    if (!admin) {
      Duration wait = limits.take(client);
      if (!wait.isZero()) {
        RetryAfter.tooManyRequests(external, wait);
        refuse(
            faces,
            "You have made many links in a short time. Try again in "
                + RetryAfter.inWords(wait)
                + ".");
        return;
      }
    }
    LinkForm form = LinkForm.of(url);
    if (isAliasOffered() && alias != null && !alias.isBlank()) {
      form.setAlias(alias);
    }
    try {
      link = links.create(form, origin.of(request));
      url = null;
      alias = null;
    } catch (InvalidLinkException refused) {
      if (!admin) {
        limits.giveBack(client);
      }
      refused
          .fields()
          .forEach(
              (field, message) ->
                  faces.addMessage(
                      field.equals("alias") ? ALIAS_FIELD : URL_FIELD,
                      new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null)));
    }
  }

  /**
   * Before the home page renders: a post from someone who may not shorten (the form was not even
   * rendered for them, so nothing ran) is answered 403 rather than as if it had worked.
   */
  public void refuseIfClosed() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback() && !isOpen()) {
      faces.getExternalContext().setResponseStatus(403);
    }
  }

  private static void refuse(FacesContext faces, String message) {
    faces.addMessage(URL_FIELD, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
  }

  private boolean isAdmin() {
    return request.isUserInRole("admin");
  }

  /** Whether the form offers a custom alias: to the admin always, to others as configured. */
  public boolean isAliasOffered() {
    return publicAliases || isAdmin();
  }

  /** Whether this visitor may shorten: always, unless only the admin may. */
  public boolean isOpen() {
    return !adminOnly || isAdmin();
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getAlias() {
    return alias;
  }

  public void setAlias(String alias) {
    this.alias = alias;
  }

  /** The link just created, or null before a successful submit. */
  public ShortLink getLink() {
    return link;
  }
}
