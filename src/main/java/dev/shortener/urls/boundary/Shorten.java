package dev.shortener.urls.boundary;

import dev.shortener.platform.Setting;
import dev.shortener.urls.control.CreationLimits;
import dev.shortener.urls.control.InvalidUrlException;
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
 * Backs the home page form: one URL in, one short link (or a reason) out.
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

  @Inject UrlService urls;
  @Inject PublicOrigin origin;
  @Inject CreationLimits limits;
  @Inject TrustedProxy proxy;
  @Inject HttpServletRequest request;

  private boolean adminOnly;
  private String url;
  private ShortLink link;

  @PostConstruct
  void load() {
    adminOnly = Setting.CREATION.choice("public", "admin").equals("admin");
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
    try {
      link = urls.shorten(url, origin.of(request));
      url = null;
    } catch (InvalidUrlException refused) {
      if (!admin) {
        limits.giveBack(client);
      }
      refuse(faces, refused.getMessage());
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

  /** The link just created, or null before a successful submit. */
  public ShortLink getLink() {
    return link;
  }
}
