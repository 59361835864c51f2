package dev.shortener.visits.boundary;

import static dev.shortener.api.ApiJson.JSON;

import dev.shortener.api.ApiDates;
import dev.shortener.api.ApiProblem;
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
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    Map<String, String> wrong = new LinkedHashMap<>();
    int page = Math.max(1, whole(query, "page", 1, wrong));
    int perPage = whole(query, "itemsPerPage", MAX_PER_PAGE, wrong);
    perPage = perPage <= 0 || perPage > MAX_PER_PAGE ? MAX_PER_PAGE : perPage;
    Instant from = date(query, "startDate", Instant.EPOCH, wrong);
    Instant to = date(query, "endDate", Instant.parse("9999-12-31T00:00:00Z"), wrong);
    if (!wrong.isEmpty()) {
      throw ApiProblem.invalid(wrong);
    }
    String excludeBots = query.getFirst("excludeBots");
    boolean people = excludeBots != null && !excludeBots.equalsIgnoreCase("false");
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

  private static int whole(
      MultivaluedMap<String, String> query, String name, int fallback, Map<String, String> wrong) {
    String value = query.getFirst(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException notANumber) {
      wrong.put(name, name + " must be a whole number.");
      return fallback;
    }
  }

  private Instant date(
      MultivaluedMap<String, String> query,
      String name,
      Instant fallback,
      Map<String, String> wrong) {
    String value = query.getFirst(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return ApiDates.parse(value, zone);
    } catch (DateTimeException notADate) {
      wrong.put(name, name + " must be a date such as 2026-12-01 or 2026-12-01T10:00:00+01:00.");
      return fallback;
    }
  }
}
