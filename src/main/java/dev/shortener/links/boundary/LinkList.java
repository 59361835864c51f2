package dev.shortener.links.boundary;

import dev.shortener.links.control.LinkQuery;
import dev.shortener.links.control.LinkSearch;
import dev.shortener.links.control.LinkSummary;
import dev.shortener.links.control.ShortCodes;
import dev.shortener.web.AdminTimes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backs the admin's list of links, {@code /admin/links}: search, filter by state and tag, sort, and
 * page by page ({@link LinkSearch}'s keyset, so the last page costs what the first does). Every
 * choice is a plain GET parameter, so a list can be bookmarked and needs no form token.
 */
@Named
@RequestScoped
public class LinkList {

  /** Links per page. */
  static final int PAGE_SIZE = 50;

  @Inject LinkService links;
  @Inject ShortCodes codes;
  @Inject PublicOrigin publicOrigin;
  @Inject HttpServletRequest request;

  private final AdminTimes times = new AdminTimes(LinkService.zone());
  private String text;
  private String tag;
  private LinkQuery.State state;
  private LinkQuery.Sort sort;
  private String after;
  private List<Row> rows;
  private String next;
  private URI origin;

  /** One line of the list, with getters: Jakarta EE 9's EL reads no record components. */
  public static final class Row {
    private final String key;
    private final String shortUrl;
    private final String original;
    private final String title;
    private final long clicks;
    private final String created;
    private final LinkQuery.State state;
    private final List<String> tags;

    Row(String key, String shortUrl, LinkSummary link, String created, LinkQuery.State state) {
      this.key = key;
      this.shortUrl = shortUrl;
      this.original = link.original();
      this.title = link.title();
      this.clicks = link.clicks();
      this.created = created;
      this.state = state;
      this.tags = link.tags();
    }

    public String getKey() {
      return key;
    }

    public String getShortUrl() {
      return shortUrl;
    }

    /** The short link as people write it, without the scheme, e.g. {@code sho.rt/jR0w}. */
    public String getShortLabel() {
      return shortUrl.replaceFirst("^https?://", "");
    }

    public String getOriginal() {
      return original;
    }

    public String getTitle() {
      return title;
    }

    public long getClicks() {
      return clicks;
    }

    public String getCreated() {
      return created;
    }

    /** The state for styles: {@code active}, {@code disabled}, ... */
    public String getState() {
      return state.name().toLowerCase(Locale.ROOT);
    }

    public String getStateLabel() {
      return label(state);
    }

    public List<String> getTags() {
      return tags;
    }
  }

  @PostConstruct
  void load() {
    origin = publicOrigin.of(request);
    text = trimmed(request.getParameter("q"));
    tag = trimmed(request.getParameter("tag"));
    state = choice(LinkQuery.State.class, request.getParameter("state"), LinkQuery.State.ALL);
    sort = choice(LinkQuery.Sort.class, request.getParameter("sort"), LinkQuery.Sort.NEWEST);
    after = trimmed(request.getParameter("after"));
    LinkSearch.Page page = links.list(new LinkQuery(text, tag, state, sort, after, PAGE_SIZE));
    long now = System.currentTimeMillis();
    rows = page.links().stream().map(link -> row(link, now)).toList();
    next = page.next();
  }

  private Row row(LinkSummary link, long now) {
    String key = link.alias() != null ? link.alias() : codes.encode(link.id());
    return new Row(
        key, PublicOrigin.linkTo(origin, key), link, times.shown(link.created()), link.state(now));
  }

  static String label(LinkQuery.State state) {
    return switch (state) {
      case ACTIVE -> "Active";
      case DISABLED -> "Disabled";
      case EXPIRED -> "Expired";
      case SCHEDULED -> "Not active yet";
      case ALL -> "All";
    };
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, E otherwise) {
    if (value == null) {
      return otherwise;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException unknown) {
      return otherwise;
    }
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The address of the next page, with the same search, or null after the last. */
  public String getNextPage() {
    return next == null ? null : page(next);
  }

  /** The address of the first page of the same search. */
  public String getFirstPage() {
    return page(null);
  }

  private String page(String start) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (text != null) {
      parameters.put("q", text);
    }
    if (tag != null) {
      parameters.put("tag", tag);
    }
    parameters.put("state", getState());
    parameters.put("sort", getSort());
    if (start != null) {
      parameters.put("after", start);
    }
    StringBuilder url = new StringBuilder(request.getContextPath()).append("/admin/links");
    char separator = '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      url.append(separator)
          .append(parameter.getKey())
          .append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }

  /** The address of the list of {@code tagName}'s links. */
  public String tagPage(String tagName) {
    return request.getContextPath()
        + "/admin/links?tag="
        + URLEncoder.encode(tagName, StandardCharsets.UTF_8);
  }

  /** Whether this is a later page of the list. */
  public boolean isLaterPage() {
    return after != null;
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getText() {
    return text;
  }

  public String getTag() {
    return tag;
  }

  public String getState() {
    return state.name().toLowerCase(Locale.ROOT);
  }

  public String getSort() {
    return sort.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The zone the times are shown in. */
  public String getZone() {
    return times.zoneName();
  }
}
