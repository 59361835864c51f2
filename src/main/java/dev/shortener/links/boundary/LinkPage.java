package dev.shortener.links.boundary;

import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkQuery;
import dev.shortener.links.control.LinkSummary;
import dev.shortener.links.entity.Link;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Backs a link's page, {@code /admin/link?key=<alias or code>}: every field, the short link with
 * Copy and its QR code, the clicks, when it was created and last edited; the form that edits it,
 * and the actions: disable or enable, delete (after a confirmation step). Each action answers with
 * a redirect (post, redirect, get), whose address says what happened ({@code &saved}).
 */
@Named
@RequestScoped
public class LinkPage extends LinkFormPage {

  @Inject LinkService links;
  @Inject PublicOrigin publicOrigin;
  @Inject HttpServletRequest request;

  private String key;
  private Link link;
  private URI origin;

  @PostConstruct
  void load() {
    origin = publicOrigin.of(request);
    key = request.getParameter("key");
    Optional<Link> found = links.find(key);
    if (found.isEmpty()) {
      return;
    }
    link = found.get();
    key = links.key(link);
    if (!FacesContext.getCurrentInstance().isPostback()) {
      fill();
    }
  }

  /** The form's fields as the link is now. */
  private void fill() {
    form.setUrl(link.getOriginal());
    form.setAlias(link.getAlias().orElse(""));
    form.setTitle(link.getTitle().orElse(""));
    setTags(String.join(", ", link.getTags()));
    form.setValidFrom(times.input(millis(link.getValidFrom())));
    form.setValidUntil(times.input(millis(link.getValidUntil())));
    form.setMaxVisits(link.getMaxVisits().map(String::valueOf).orElse(""));
    form.setFallbackUrl(link.getFallbackUrl().orElse(""));
    form.setRedirectType(Integer.toString(link.getRedirectType()));
    form.setForwardQuery(link.isForwardQuery());
    form.setCrawlable(link.isCrawlable());
    form.setDisabled(link.isDisabled());
  }

  private static Long millis(Optional<Instant> time) {
    return time.map(Instant::toEpochMilli).orElse(null);
  }

  /** The edit form's action. */
  public void save() throws IOException {
    try {
      Optional<ShortLink> saved = links.update(key, typed(), origin);
      if (saved.isEmpty()) {
        back("/admin/links?gone=" + encode(key));
      } else {
        back("/admin/link?key=" + encode(saved.get().getCode()) + "&saved");
      }
    } catch (InvalidLinkException refused) {
      show(refused);
    }
  }

  /** Switches the link off, or on again. */
  public void toggle() throws IOException {
    links.setDisabled(key, !link.isDisabled(), origin);
    back("/admin/link?key=" + encode(key) + (link.isDisabled() ? "&enabled" : "&disabled"));
  }

  /** The first step of deleting: the page asks to confirm. */
  public void askToDelete() throws IOException {
    back("/admin/link?key=" + encode(key) + "&confirm");
  }

  /** The second step: the link is gone, the list says so. */
  public void delete() throws IOException {
    links.delete(key);
    back("/admin/links?deleted=" + encode(key));
  }

  private static void back(String page) throws IOException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(external.getRequestContextPath() + page);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Whether the page names an existing link. */
  public boolean isFound() {
    return link != null;
  }

  /** What just happened, from the address: "saved", "created", ..., or null. */
  public String getNotice() {
    for (String done : new String[] {"created", "saved", "disabled", "enabled"}) {
      if (request.getParameter(done) != null) {
        return done;
      }
    }
    return null;
  }

  /** Whether the admin asked to delete and must confirm. */
  public boolean isConfirming() {
    return request.getParameter("confirm") != null;
  }

  public String getKey() {
    return key;
  }

  public Link getLink() {
    return link;
  }

  public String getShortUrl() {
    return PublicOrigin.linkTo(origin, key);
  }

  /** The link's code, which keeps working beside an alias. */
  public String getCode() {
    return link == null ? null : links.codeOf(link);
  }

  /** The tags as one line, "a, b", or "" for none. */
  public String getTagLine() {
    return String.join(", ", link.getTags());
  }

  public String getCreated() {
    return times.shown(link.getCreated().toEpochMilli());
  }

  public String getEdited() {
    return times.shown(millis(link.getEdited()));
  }

  public String getValidFrom() {
    return times.shown(millis(link.getValidFrom()));
  }

  public String getValidUntil() {
    return times.shown(millis(link.getValidUntil()));
  }

  /** "Active", "Disabled", "Expired" or "Not active yet", the cap on visits included. */
  public String getState() {
    LinkSummary summary =
        new LinkSummary(
            link.getId(),
            link.getOriginal(),
            link.getAlias().orElse(null),
            link.getTitle().orElse(null),
            link.getClicks(),
            link.getCreated().toEpochMilli(),
            link.isDisabled(),
            millis(link.getValidFrom()),
            millis(link.getValidUntil()),
            link.getMaxVisits().orElse(null),
            link.getPasswordHash().isPresent(),
            link.getTags());
    LinkQuery.State state = summary.state(System.currentTimeMillis());
    return LinkList.label(state);
  }
}
