package dev.shortener.links.boundary;

import static dev.shortener.api.ApiJson.JSON;

import dev.shortener.api.ApiProblem;
import dev.shortener.api.ApiQuery;
import dev.shortener.api.Caller;
import dev.shortener.api.JsonBody;
import dev.shortener.api.PATCH;
import dev.shortener.api.Pagination;
import dev.shortener.apikeys.entity.Scope;
import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkForm;
import dev.shortener.links.control.ShortUrlQuery;
import dev.shortener.links.entity.Link;
import dev.shortener.visits.boundary.VisitsResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shlink's short-URL endpoints, {@code /rest/v3/short-urls} (and v1, v2): list, create, read, edit,
 * delete, a link's visits and its redirect rules, with Shlink's parameters, shapes and errors. Each
 * asks {@link Caller} for its scope first; the rules are {@link LinkService}'s, so a link made here
 * obeys what one made in the admin's pages does.
 */
@Path("{version: v[123]}/short-urls")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ShortUrlsResource {

  /** The longest page of the list; {@code itemsPerPage=-1} (Shlink's "all") gets this many. */
  static final int MAX_PER_PAGE = 1_000;

  private static final int DEFAULT_PER_PAGE = 10;

  @Inject LinkService links;
  @Inject Caller caller;
  @Inject PublicOrigin publicOrigin;
  @Inject VisitsResource visits;
  @Inject HttpServletRequest request;

  private final ZoneId zone = LinkService.zone();

  /** {@code GET /short-urls}: one numbered page of the links that match. */
  @GET
  public JsonObject list(@Context UriInfo uri) {
    caller.require(Scope.READ, "list short URLs");
    ApiQuery query = new ApiQuery(uri.getQueryParameters(), zone);
    int page = query.page();
    int perPage = query.perPage(DEFAULT_PER_PAGE, MAX_PER_PAGE);
    List<String> tags = new ArrayList<>(query.all("tags[]"));
    tags.addAll(query.all("tags"));
    String tagsMode = Optional.ofNullable(query.text("tagsMode")).orElse("any");
    if (!tagsMode.equals("any") && !tagsMode.equals("all")) {
      query.refuse("tagsMode", "tagsMode is any or all.");
    }
    ShortUrlQuery.Order order = ShortUrlQuery.Order.DATE_CREATED;
    boolean descending = true;
    String orderBy = query.text("orderBy");
    if (orderBy != null && !orderBy.isBlank()) {
      String[] parts = orderBy.split("-", 2);
      order = order(parts[0]);
      descending = parts.length == 2 && parts[1].equalsIgnoreCase("DESC");
      if (order == null || (parts.length == 2 && !parts[1].matches("(?i)ASC|DESC"))) {
        query.refuse(
            "orderBy",
            "orderBy is a field (dateCreated, shortCode, longUrl, title, visits, nonBotVisits),"
                + " optionally followed by -ASC or -DESC.");
        order = ShortUrlQuery.Order.DATE_CREATED;
      }
    }
    Instant from = query.date("startDate");
    Instant until = query.date("endDate");
    query.check();
    LinkService.Page found =
        links.page(
            new ShortUrlQuery(
                query.text("searchTerm"),
                tags,
                tagsMode.equals("all"),
                from == null ? null : from.toEpochMilli(),
                until == null ? null : until.toEpochMilli(),
                query.flag("excludeMaxVisitsReached"),
                query.flag("excludePastValidUntil"),
                order,
                descending,
                page,
                perPage));
    URI origin = publicOrigin.of(request);
    JsonArrayBuilder data = JSON.createArrayBuilder();
    Map<Long, Long> bots = visits.bots(found.links().stream().map(Link::getId).toList());
    found
        .links()
        .forEach(
            link ->
                data.add(
                    ShortUrlJson.of(
                        links.details(link), origin, zone, bots.getOrDefault(link.getId(), 0L))));
    return JSON.createObjectBuilder()
        .add(
            "shortUrls",
            JSON.createObjectBuilder()
                .add("data", data)
                .add(
                    "pagination",
                    Pagination.of(page, perPage, found.links().size(), found.total())))
        .build();
  }

  /** {@code POST /short-urls}: a new link (200, as Shlink answers), or the existing one. */
  @POST
  public JsonObject create(InputStream in) {
    caller.require(Scope.CREATE, "create short URLs");
    JsonBody body = JsonBody.read(in);
    URI origin = publicOrigin.of(request);
    LinkForm form = ShortUrlFields.read(body, true, origin);
    Boolean findIfExists = body.bool("findIfExists");
    ShortUrlFields.check(body, () -> links.check(form, null, origin));
    if (Boolean.TRUE.equals(findIfExists)) {
      Optional<Link> existing = links.existing(form, origin);
      if (existing.isPresent()) {
        return json(links.details(existing.get()), origin);
      }
    }
    try {
      return ShortUrlJson.of(links.add(form, origin), origin, zone, 0);
    } catch (InvalidLinkException refused) {
      throw ShortUrlFields.refusal(refused);
    }
  }

  /** {@code GET /short-urls/{shortCode}}: the link, whatever its state. */
  @GET
  @Path("{shortCode}")
  public JsonObject get(@PathParam("shortCode") String shortCode) {
    caller.require(Scope.READ, "read short URLs");
    return json(links.details(found(shortCode)), publicOrigin.of(request));
  }

  /** {@code PATCH /short-urls/{shortCode}}: the fields given change, the others stay. */
  @PATCH
  @Path("{shortCode}")
  public JsonObject edit(@PathParam("shortCode") String shortCode, InputStream in) {
    caller.require(Scope.ADMIN, "edit short URLs");
    Link link = found(shortCode);
    JsonBody body = JsonBody.read(in);
    URI origin = publicOrigin.of(request);
    LinkForm form = ShortUrlFields.read(body, false, origin);
    ShortUrlFields.check(body, () -> links.check(form, link, origin));
    try {
      ShortLink edited =
          links
              .update(shortCode, form, origin)
              .orElseThrow(() -> ApiProblem.shortUrlNotFound(shortCode));
      return json(links.details(found(edited.getCode())), origin);
    } catch (InvalidLinkException refused) {
      throw ShortUrlFields.refusal(refused);
    }
  }

  /** {@code DELETE /short-urls/{shortCode}}: 204; its code is never given out again. */
  @DELETE
  @Path("{shortCode}")
  public Response delete(@PathParam("shortCode") String shortCode) {
    caller.require(Scope.ADMIN, "delete short URLs");
    if (!links.delete(shortCode)) {
      throw ApiProblem.shortUrlNotFound(shortCode);
    }
    return Response.noContent().build();
  }

  /** {@code GET /short-urls/{shortCode}/visits}: the link's visits one by one, newest first. */
  @GET
  @Path("{shortCode}/visits")
  public JsonObject visits(@PathParam("shortCode") String shortCode, @Context UriInfo uri) {
    caller.require(Scope.READ, "read visits");
    return visits.ofLink(found(shortCode).getId(), uri.getQueryParameters());
  }

  /** {@code GET /short-urls/{shortCode}/redirect-rules}: none; every visit goes to the URL. */
  @GET
  @Path("{shortCode}/redirect-rules")
  public JsonObject redirectRules(@PathParam("shortCode") String shortCode) {
    caller.require(Scope.READ, "read redirect rules");
    return JSON.createObjectBuilder()
        .add("defaultLongUrl", found(shortCode).getOriginal())
        .add("redirectRules", JSON.createArrayBuilder())
        .build();
  }

  /** A link as a short URL, with its bots' visits. */
  private JsonObject json(LinkDetails link, URI origin) {
    return ShortUrlJson.of(
        link, origin, zone, visits.bots(List.of(link.id())).getOrDefault(link.id(), 0L));
  }

  private Link found(String shortCode) {
    return links.find(shortCode).orElseThrow(() -> ApiProblem.shortUrlNotFound(shortCode));
  }

  private static ShortUrlQuery.Order order(String field) {
    return switch (field) {
      case "dateCreated" -> ShortUrlQuery.Order.DATE_CREATED;
      case "shortCode" -> ShortUrlQuery.Order.SHORT_CODE;
      case "longUrl" -> ShortUrlQuery.Order.LONG_URL;
      case "title" -> ShortUrlQuery.Order.TITLE;
      case "visits", "nonBotVisits" -> ShortUrlQuery.Order.VISITS;
      default -> null;
    };
  }
}
