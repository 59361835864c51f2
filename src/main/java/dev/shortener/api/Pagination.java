package dev.shortener.api;

import static dev.shortener.api.ApiJson.JSON;

import jakarta.json.JsonObject;

/**
 * Shlink's {@code pagination} member of a list: five numbers, at least one page even when empty.
 */
public final class Pagination {

  private Pagination() {}

  /**
   * Page {@code page} of {@code perPage} items, {@code inPage} of them here, {@code total} in all.
   */
  public static JsonObject of(int page, int perPage, int inPage, long total) {
    long pages = Math.max(1, (total + perPage - 1) / perPage);
    return JSON.createObjectBuilder()
        .add("currentPage", page)
        .add("pagesCount", pages)
        .add("itemsPerPage", perPage)
        .add("itemsInCurrentPage", inPage)
        .add("totalItems", total)
        .build();
  }
}
