package dev.shortener.visits.boundary;

import static dev.shortener.api.ApiJson.JSON;

import dev.shortener.api.ApiDates;
import dev.shortener.api.ApiQuery;
import dev.shortener.api.Caller;
import dev.shortener.api.Pagination;
import dev.shortener.apikeys.entity.Scope;
import dev.shortener.links.boundary.LinkService;
import dev.shortener.visits.control.VisitScope;
import dev.shortener.visits.control.VisitStats;
import dev.shortener.visits.entity.DayCount;
import dev.shortener.visits.entity.Visit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Shlink's visit endpoints, {@code /rest/v3/visits}: the overview ({@code total} is every click,
 * the exact count; {@code bots} the bots' and link previews' visits recorded), and the lists of
 * single visits of every link and of orphan visits; the visits of a link ({@link #ofLink}) and of a
 * tag ({@link #ofTag}) are listed the same way. Lists take Shlink's {@code page}, {@code
 * itemsPerPage} (at most {@value #MAX_PER_PAGE}, also the default), {@code startDate}, {@code
 * endDate} and {@code excludeBots}; their {@code totalItems} comes from the daily aggregates,
 * counted in whole days.
 */
@Path("{version: v[123]}/visits")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class VisitsResource {

  static final int MAX_PER_PAGE = 5_000;

  @Inject Visits visits;
  @Inject LinkService links;
  @Inject Caller caller;

  private final ZoneId zone = LinkService.zone();

  /** {@code GET /visits}: every link's visits, and the orphans'. */
  @GET
  public JsonObject overview() {
    caller.require(Scope.READ, "read visits");
    DayCount all = visits.sum(VisitStats.ALL_LINKS);
    DayCount orphans = visits.sum(VisitStats.ORPHANS);
    return JSON.createObjectBuilder()
        .add(
            "visits",
            JSON.createObjectBuilder()
                .add("nonOrphanVisits", summary(links.totalClicks(), all.bots() + all.previews()))
                .add("orphanVisits", summary(orphans.total(), orphans.bots() + orphans.previews())))
        .build();
  }

  /** {@code GET /visits/orphan}: requests for paths that are no link. */
  @GET
  @Path("orphan")
  public JsonObject orphan(@Context UriInfo uri) {
    caller.require(Scope.READ, "read visits");
    return list(VisitScope.ORPHANS, uri.getQueryParameters());
  }

  /** {@code GET /visits/non-orphan}: every link's visits. */
  @GET
  @Path("non-orphan")
  public JsonObject nonOrphan(@Context UriInfo uri) {
    caller.require(Scope.READ, "read visits");
    return list(VisitScope.ALL, uri.getQueryParameters());
  }

  /** The bots' and link previews' visits of each of the links {@code ids} that had any. */
  public Map<Long, Long> bots(List<Long> ids) {
    return visits.bots(ids);
  }

  /** The bots' and link previews' visits of the links of each tag whose links had any. */
  public Map<String, Long> tagBots() {
    return visits.tagBots();
  }

  /** Shlink's visits summary: {@code total} visits, {@code bots} of them by bots or previews. */
  public static JsonObjectBuilder summary(long total, long bots) {
    long potentialBots = Math.min(bots, total);
    return JSON.createObjectBuilder()
        .add("total", total)
        .add("nonBots", total - potentialBots)
        .add("bots", potentialBots);
  }

  /** {@code GET /short-urls/{shortCode}/visits}: one page of link {@code id}'s visits. */
  public JsonObject ofLink(long id, MultivaluedMap<String, String> query) {
    return list(VisitScope.link(id), query);
  }

  /** {@code GET /tags/{tag}/visits}: one page of the visits of the links tagged {@code tag}. */
  public JsonObject ofTag(String tag, MultivaluedMap<String, String> query) {
    return list(VisitScope.tag(tag), query);
  }

  /** One page of the visits of {@code scope}, as the query asks, in Shlink's shape. */
  private JsonObject list(VisitScope scope, MultivaluedMap<String, String> query) {
    ApiQuery read = new ApiQuery(query, zone);
    int page = read.page();
    int perPage = read.perPage(MAX_PER_PAGE, MAX_PER_PAGE);
    Instant from = Objects.requireNonNullElse(read.date("startDate"), Instant.EPOCH);
    Instant to = Objects.requireNonNullElse(read.date("endDate"), Visits.END_OF_TIME);
    boolean people = read.flag("excludeBots");
    read.check();
    Visits.Page found = visits.page(scope, from, to, people, page, perPage);
    JsonArrayBuilder data = JSON.createArrayBuilder();
    found.visits().forEach(visit -> data.add(json(visit)));
    return JSON.createObjectBuilder()
        .add(
            "visits",
            JSON.createObjectBuilder()
                .add("data", data)
                .add(
                    "pagination",
                    Pagination.of(page, perPage, found.visits().size(), found.total())))
        .build();
  }

  private JsonObject json(Visit visit) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("referer", visit.referrer() == null ? "" : visit.referrer())
            .add("date", ApiDates.format(visit.time(), zone))
            .add("userAgent", visit.userAgent() == null ? "" : visit.userAgent())
            .add("potentialBot", visit.kind().potentialBot());
    if (visit.country() == null) {
      json.addNull("visitLocation");
    } else {
      json.add(
          "visitLocation",
          JSON.createObjectBuilder()
              .add("countryCode", visit.country())
              .add("countryName", new Locale("", visit.country()).getDisplayCountry(Locale.ENGLISH))
              .addNull("regionName")
              .addNull("cityName")
              .addNull("latitude")
              .addNull("longitude")
              .addNull("timezone")
              .add("isEmpty", false));
    }
    if (visit.linkId() == null) {
      json.add("visitedUrl", visit.orphanPath())
          .add("type", keyLike(visit.orphanPath()) ? "invalid_short_url" : "regular_404");
    }
    return json.build();
  }

  /** A path of one segment that could be a code or an alias. */
  private static boolean keyLike(String path) {
    return path != null && path.matches("/[A-Za-z0-9_-]{1,64}");
  }
}
