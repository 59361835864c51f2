package dev.shortener.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class PaginationTest {

  @Test
  void pagesAreCountedUpAndThereIsAlwaysOne() {
    JsonObject middle = Pagination.of(2, 10, 10, 25);
    assertEquals(2, middle.getInt("currentPage"));
    assertEquals(3, middle.getInt("pagesCount"));
    assertEquals(10, middle.getInt("itemsPerPage"));
    assertEquals(10, middle.getInt("itemsInCurrentPage"));
    assertEquals(25, middle.getInt("totalItems"));
    assertEquals(2, Pagination.of(1, 10, 10, 20).getInt("pagesCount"));
    assertEquals(1, Pagination.of(1, 10, 0, 0).getInt("pagesCount"), "even when empty");
  }
}
