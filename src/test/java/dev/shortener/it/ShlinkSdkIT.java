package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API as Shlink's own JavaScript SDK ({@code @shlinkio/shlink-js-sdk}, installed into
 * {@code target/shlink-sdk} by the build) calls it under Node.js: create with a custom slug and
 * tags, list, get, edit, visits, tags, delete, and refusals read back as the SDK's error types
 * ({@code src/test/node/shlink-sdk-check.mjs}). If the SDK and this server disagree, the server is
 * wrong.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShlinkSdkIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  @Test
  void shlinksOwnClientWorksUnchanged() throws Exception {
    Path sdk = Path.of(System.getProperty("it.shlink.sdk"));
    assertTrue(
        Files.isDirectory(sdk.resolve("node_modules/@shlinkio/shlink-js-sdk")),
        "the build installs the SDK into " + sdk);
    // Next to its node_modules, where Node resolves the SDK's imports from.
    Path script = sdk.resolve("shlink-sdk-check.mjs");
    Files.copy(
        Path.of("src/test/node/shlink-sdk-check.mjs"), script, StandardCopyOption.REPLACE_EXISTING);
    String root = base.toString().replaceAll("/$", "");
    Process node =
        new ProcessBuilder(
                "node",
                script.toString(),
                root,
                Api.withNewKey(base.toURI(), "admin").key,
                UUID.randomUUID().toString().substring(0, 8))
            .directory(sdk.toFile())
            .redirectErrorStream(true)
            .start();
    boolean ended = node.waitFor(120, TimeUnit.SECONDS);
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      node.destroyForcibly();
    }
    assertTrue(ended, "the SDK run ended within two minutes:\n" + output);
    assertEquals(0, node.exitValue(), output);
    assertTrue(output.contains("all passed"), output);
  }
}
