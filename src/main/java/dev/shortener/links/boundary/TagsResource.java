package dev.shortener.links.boundary;

import static dev.shortener.api.ApiJson.JSON;

import dev.shortener.api.ApiProblem;
import dev.shortener.api.Caller;
import dev.shortener.api.JsonBody;
import dev.shortener.api.Pagination;
import dev.shortener.apikeys.entity.Scope;
import dev.shortener.links.control.InvalidLinkException;
import dev.shortener.links.control.LinkSearch;
import dev.shortener.links.control.LinkStore;
import dev.shortener.visits.boundary.VisitsResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shlink's tag endpoints, {@code /rest/v3/tags}: the names, their counts, a rename (409 when the
 * new name is taken), and deletion; renaming and deleting need an {@code admin} key, as in Shlink.
 */
@Path("{version: v[123]}/tags")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TagsResource {

  @Inject LinkService links;
  @Inject Caller caller;
  @Inject VisitsResource visits;

  /** {@code GET /tags}: every tag's name, alphabetically. */
  @GET
  public JsonObject names() {
    caller.require(Scope.READ, "list tags");
    List<LinkSearch.TagStats> tags = links.tags();
    JsonArrayBuilder data = JSON.createArrayBuilder();
    tags.forEach(tag -> data.add(tag.name()));
    return list(data, tags.size());
  }

  /** {@code GET /tags/stats}: every tag with its links and their visits. */
  @GET
  @Path("stats")
  public JsonObject stats() {
    caller.require(Scope.READ, "list tags");
    List<LinkSearch.TagStats> tags = links.tags();
    Map<String, Long> bots = visits.tagBots();
    JsonArrayBuilder data = JSON.createArrayBuilder();
    tags.forEach(
        tag ->
            data.add(
                JSON.createObjectBuilder()
                    .add("tag", tag.name())
                    .add("shortUrlsCount", tag.links())
                    .add(
                        "visitsSummary",
                        VisitsResource.summary(tag.clicks(), bots.getOrDefault(tag.name(), 0L)))));
    return list(data, tags.size());
  }

  /** {@code GET /tags/{tag}/visits}: the visits of every link with the tag, newest first. */
  @GET
  @Path("{tag}/visits")
  public JsonObject visits(@PathParam("tag") String tag, @Context UriInfo uri) {
    caller.require(Scope.READ, "read visits");
    if (links.tags().stream().noneMatch(known -> known.name().equals(tag))) {
      throw notFound(tag);
    }
    return visits.ofTag(tag, uri.getQueryParameters());
  }

  /** {@code PUT /tags} with {@code oldName} and {@code newName}: 204. */
  @PUT
  public Response rename(InputStream in) {
    forbiddenUnlessAdmin("rename");
    JsonBody body = JsonBody.read(in);
    String from = body.text("oldName");
    String to = body.text("newName");
    if (from == null || to == null) {
      Map<String, String> wrong = new LinkedHashMap<>();
      wrong.put("oldName", "Give oldName, the tag's name now.");
      wrong.put("newName", "Give newName, the name it gets.");
      throw ApiProblem.invalid(wrong);
    }
    LinkStore.Renamed renamed;
    try {
      renamed = links.renameTag(from, to);
    } catch (InvalidLinkException refused) {
      throw ApiProblem.invalid(List.of("newName"), Map.of("newName", refused.getMessage()));
    }
    switch (renamed) {
      case NO_SUCH_TAG -> throw notFound(from);
      case NAME_TAKEN ->
          throw ApiProblem.of(
                  409,
                  "tag-conflict",
                  "Tag conflict",
                  "You cannot rename tag " + from + " to " + to + ", because it already exists")
              .with("oldName", from)
              .with("newName", to)
              .build();
      case DONE -> {
        // answered below
      }
    }
    return Response.noContent().build();
  }

  /** {@code DELETE /tags?tags[]=a&tags[]=b}: 204; names that are no tag are ignored. */
  @DELETE
  public Response delete(@Context UriInfo uri) {
    forbiddenUnlessAdmin("delete");
    List<String> names = new ArrayList<>();
    List<String> bracketed = uri.getQueryParameters().get("tags[]");
    List<String> plain = uri.getQueryParameters().get("tags");
    if (bracketed != null) {
      names.addAll(bracketed);
    }
    if (plain != null) {
      names.addAll(plain);
    }
    links.deleteTags(names);
    return Response.noContent().build();
  }

  /** Shlink's own 403 for a tag operation, which its clients know. */
  private void forbiddenUnlessAdmin(String operation) {
    try {
      caller.require(Scope.ADMIN, operation + " tags");
    } catch (ApiProblem forbidden) {
      throw ApiProblem.of(
              403,
              "forbidden-tag-operation",
              "Forbidden tag operation",
              "You are not allowed to " + operation + " tags")
          .build();
    }
  }

  private static ApiProblem notFound(String tag) {
    return ApiProblem.of(
            404,
            "tag-not-found",
            "Tag not found",
            "Tag with name \"" + tag + "\" could not be found")
        .with("tag", tag)
        .build();
  }

  private static JsonObject list(JsonArrayBuilder data, int count) {
    return JSON.createObjectBuilder()
        .add(
            "tags",
            JSON.createObjectBuilder()
                .add("data", data)
                .add("pagination", Pagination.of(1, Math.max(count, 1), count, count)))
        .build();
  }
}
