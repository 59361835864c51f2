package dev.shortener.admin.boundary;

import dev.shortener.links.boundary.LinkService;
import dev.shortener.links.boundary.PublicOrigin;
import dev.shortener.links.entity.Link;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Backs the admin's statistics page: one page of links at a time, most clicked first. Only the
 * requested page is read ({@code LIMIT} in SQL), so a million links cost no more than fifty.
 */
@Named
@RequestScoped
public class Stats {

  /** Links per page. */
  static final int PAGE_SIZE = 50;

  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject LinkService links;
  @Inject PublicOrigin publicOrigin;
  @Inject HttpServletRequest request;

  private URI origin;
  private long total;
  private int page;
  private int pages;
  private List<Link> shown;

  @PostConstruct
  void load() {
    origin = publicOrigin.of(request);
    total = links.count();
    pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    page = Math.min(Math.max(parsePage(request.getParameter("page")), 1), pages);
    shown = links.mostClicked((page - 1) * PAGE_SIZE, PAGE_SIZE);
  }

  private static int parsePage(String value) {
    try {
      return value == null ? 1 : Integer.parseInt(value.strip());
    } catch (NumberFormatException notANumber) {
      return 1;
    }
  }

  /** The absolute short link of {@code link}. */
  public String shortUrl(Link link) {
    return PublicOrigin.linkTo(origin, links.key(link));
  }

  /** The short link as people write it, without the scheme, e.g. {@code sho.rt/jR0w}. */
  public String shortLabel(Link link) {
    return shortUrl(link).replaceFirst("^https?://", "");
  }

  /** When {@code link} was created, in UTC. */
  public String created(Link link) {
    return CREATED.format(link.getCreated());
  }

  /** The row number of the {@code index}-th link on this page, counting from 1 over all pages. */
  public long rank(int index) {
    return (long) (page - 1) * PAGE_SIZE + index + 1;
  }

  public List<Link> getLinks() {
    return shown;
  }

  public long getTotal() {
    return total;
  }

  public int getPage() {
    return page;
  }

  public int getPages() {
    return pages;
  }
}
