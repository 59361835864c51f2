package dev.shortener.links.boundary;

import dev.shortener.links.control.InvalidLinkException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Backs {@code /admin/links/new}: a link with every option, for the admin. */
@Named
@RequestScoped
public class NewLink extends LinkFormPage {

  @Inject LinkService links;
  @Inject PublicOrigin origin;
  @Inject HttpServletRequest request;

  /** The form's action: the new link's page, or the refusals next to their fields. */
  public void create() throws IOException {
    try {
      ShortLink link = links.create(typed(), origin.of(request));
      ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
      external.redirect(
          external.getRequestContextPath()
              + "/admin/link?key="
              + URLEncoder.encode(link.getCode(), StandardCharsets.UTF_8)
              + "&created");
    } catch (InvalidLinkException refused) {
      show(refused);
    }
  }
}
