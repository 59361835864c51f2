package dev.shortener.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.web.HttpFakes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminPagesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/stats",
        "/stats?page=2",
        "/admin",
        "/admin/links",
        "/admin/links/3kTM?tab=x%20y"
      })
  void continuesToAnAdminPage(String page) {
    assertEquals(page, AdminPages.returnTo(page));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example/..;/stats",
        "//evil.example/stats",
        "/\\evil.example/stats",
        "https://evil.example/stats",
        "/stats/../../x",
        "/admin/../../x",
        "/admin/./x",
        "/admin//x",
        "/index.xhtml",
        "/login",
        "stats",
        "",
        "/stats\r\nSet-Cookie: x=y",
        "/stats?x=<script>"
      })
  void anythingElseContinuesToTheAdminHome(String asked) {
    assertEquals(AdminPages.HOME, AdminPages.returnTo(asked));
  }

  @Test
  void nothingAskedForIsTheAdminHome() {
    assertEquals(AdminPages.HOME, AdminPages.returnTo(null));
  }

  @Test
  void thePageAskedForIsRebuiltFromWhatTheContainerDecoded() {
    HttpFakes.Request request = new HttpFakes.Request();
    request.servletPath = "/stats";
    request.query = "page=2";
    assertEquals("/stats?page=2", AdminPages.pathOf(request.servlet()));
    request.servletPath = "/admin";
    request.pathInfo = "/links";
    request.query = null;
    assertEquals("/admin/links", AdminPages.pathOf(request.servlet()));
  }
}
