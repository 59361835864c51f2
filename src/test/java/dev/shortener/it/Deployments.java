package dev.shortener.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build just packaged, deployed at the context root as users deploy it. */
final class Deployments {

  private Deployments() {}

  /** target/shortener.war, renamed ROOT.war so that the servers serve it at {@code /}. */
  static WebArchive builtWar() {
    return builtWar("ROOT.war");
  }

  /**
   * target/shortener.war under another name, for tests that run inside the server: with a ROOT.war
   * TomEE's Arquillian adapter looks for its test runner under {@code /ROOT/} instead of {@code /}.
   */
  static WebArchive builtWar(String name) {
    File war = new File("target/shortener.war");
    if (!war.isFile()) {
      throw new IllegalStateException(
          war + " is missing: run the integration tests with ./mvnw verify");
    }
    return ShrinkWrap.create(ZipImporter.class, name).importFrom(war).as(WebArchive.class);
  }
}
