package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AliasesTest {

  private static void assertReserved(String segment, String where) {
    String name = segment.toLowerCase(Locale.ROOT);
    if (!Aliases.hasTheShape(segment)) {
      return; // "robots.txt", "index.xhtml": no alias could be written like it
    }
    assertTrue(Aliases.RESERVED.contains(name), segment + " (" + where + ") must be reserved");
  }

  @Test
  void everyFolderAndPageOfTheWarIsReserved() throws IOException {
    try (Stream<Path> top = Files.list(Path.of("src/main/webapp"))) {
      for (Path entry : (Iterable<Path>) top::iterator) {
        String name = entry.getFileName().toString();
        assertReserved(
            name.endsWith(".xhtml") ? name.substring(0, name.length() - 6) : name,
            "src/main/webapp");
      }
    }
  }

  @Test
  void everyServletMappingIsReserved() throws IOException {
    String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
    Matcher mapping = Pattern.compile("<url-pattern>/([^/<*]+)").matcher(webXml);
    while (mapping.find()) {
      assertReserved(mapping.group(1), "web.xml");
    }
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source :
          (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
        Matcher annotation =
            Pattern.compile("urlPatterns = \"/([^/\"*]+)").matcher(Files.readString(source));
        while (annotation.find()) {
          assertReserved(annotation.group(1), source.toString());
        }
      }
    }
  }

  @Test
  void theServersOwnEndpointsAreReserved() {
    for (String endpoint : new String[] {"health", "metrics", "openapi", "rest", "webjars"}) {
      assertReserved(endpoint, "the servers");
    }
  }
}
