package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.web.SecurityHeaders;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The browser security headers of every kind of answer, the same on both servers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HeadersIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  static void assertProtected(HttpResponse<String> answer, String what) {
    assertEquals(
        List.of(SecurityHeaders.POLICY),
        answer.headers().allValues("Content-Security-Policy"),
        what);
    assertEquals(List.of("nosniff"), answer.headers().allValues("X-Content-Type-Options"), what);
    assertEquals(List.of("same-origin"), answer.headers().allValues("Referrer-Policy"), what);
    assertEquals(List.of("DENY"), answer.headers().allValues("X-Frame-Options"), what);
  }

  @Test
  void everyPageAndAssetCarriesTheSecurityHeaders() throws Exception {
    Site visitor = new Site(base.toURI());
    String shortLink = visitor.shortLinkOf("https://example.com/headers/" + UUID.randomUUID());
    String code = shortLink.substring(shortLink.lastIndexOf('/') + 1);
    Admin admin = Admin.signIn(base.toURI());

    Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
    answers.put("home", visitor.get("/"));
    answers.put("result", visitor.shorten("https://example.com/headers/" + UUID.randomUUID()));
    answers.put("refusal", visitor.shorten("javascript:alert(1)"));
    answers.put("404 unknown code", visitor.get("/zzzzzz"));
    answers.put("404 no page", visitor.get("/no/such/page"));
    answers.put("400 garbage post", visitor.post("/", "x=y"));
    answers.put("405 post to a code", visitor.post("/" + code, "x=y"));
    answers.put("login", visitor.get("/login"));
    answers.put("preview", visitor.get("/" + code + "+"));
    answers.put("qr code", visitor.get("/qr/" + code + ".svg"));
    answers.put("stylesheet", visitor.get("/css/app.css"));
    answers.put("script", visitor.get("/js/app.js"));
    answers.put("web jar", visitor.get("/webjars/bootstrap/5.3.3/css/bootstrap.min.css"));
    answers.put("stats", admin.site.get("/stats"));
    answers.put("home as admin", admin.site.get("/"));
    answers.forEach(
        (what, answer) -> {
          assertTrue(answer.statusCode() < 500, what + ": " + answer.statusCode());
          assertProtected(answer, what);
        });
    assertEquals(200, answers.get("preview").statusCode());
    assertEquals(405, answers.get("405 post to a code").statusCode());
  }

  @Test
  void aRedirectStaysLean() throws Exception {
    Site visitor = new Site(base.toURI());
    String shortLink = visitor.shortLinkOf("https://example.com/lean/" + UUID.randomUUID());
    for (HttpResponse<String> redirect :
        List.of(
            visitor.get(URI.create(shortLink).getPath()),
            visitor.head(URI.create(shortLink).getPath()))) {
      assertEquals(302, redirect.statusCode());
      assertTrue(
          redirect
              .headers()
              .firstValue("Location")
              .orElseThrow()
              .startsWith("https://example.com/lean/"));
      assertEquals("", redirect.body(), "no body");
      assertTrue(redirect.headers().allValues("Set-Cookie").isEmpty(), "no cookie");
      assertTrue(redirect.headers().allValues("Content-Security-Policy").isEmpty(), "no document");
    }
  }
}
