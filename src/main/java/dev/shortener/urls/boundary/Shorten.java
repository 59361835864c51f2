package dev.shortener.urls.boundary;

import dev.shortener.urls.control.InvalidUrlException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Backs the home page form: one URL in, one short link (or a reason) out. */
@Named
@RequestScoped
public class Shorten {

  /** Client id of the URL field, where refusals are shown. */
  static final String URL_FIELD = "shorten:url";

  @Inject UrlService urls;

  @Inject HttpServletRequest request;

  private String url;
  private ShortLink link;

  /** The form's action. */
  public void submit() {
    try {
      link = urls.shorten(url, PublicOrigin.of(request));
      url = null;
    } catch (InvalidUrlException refused) {
      FacesContext.getCurrentInstance()
          .addMessage(
              URL_FIELD, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
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
