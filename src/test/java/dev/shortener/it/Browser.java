package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A fresh headless Chromium in one {@link Look}, driven through Debian's chromedriver.
 *
 * <p>Both binaries are named explicitly, so Selenium Manager never runs and nothing is downloaded.
 * A new profile directory per browser keeps tests from sharing cookies or storage. Like {@link
 * Site}, each browser says in {@code X-Forwarded-For} that it is a client of its own. The host
 * {@value #TARGET_HOST} resolves to this machine, so short links can lead to a page of the test
 * server without being links to a local address, which the shortener refuses.
 *
 * <p>Every page records the Content-Security-Policy violations it sees; {@link #assertAccessible}
 * fails on any.
 */
final class Browser implements AutoCloseable {

  private static final String CHROMIUM =
      System.getProperty("browser.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

  private static final Path PROFILES = Path.of("target", "browser-profiles");

  /** Where every run leaves its screenshots for a person to look at. */
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** A host name that this browser resolves to 127.0.0.1. */
  static final String TARGET_HOST = "arrived.test";

  /** Collects the page's CSP violations before any of its own scripts run. */
  private static final String RECORD_VIOLATIONS =
      "window.cspViolations = [];"
          + "document.addEventListener('securitypolicyviolation', function (e) {"
          + "  window.cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI"
          + "    + ' at ' + e.sourceFile + ':' + e.lineNumber);"
          + "});";

  /** The WCAG 2.1 A and AA rules of axe-core; best-practice rules are not requirements. */
  private static final List<String> WCAG_21_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  final ChromeDriver driver;
  final Look look;
  private final Path profile;

  /** A browser in {@code look}, with JavaScript on. */
  Browser(Look look) {
    this(look, true);
  }

  Browser(Look look, boolean javaScript) {
    this.look = look;
    try {
      Files.createDirectories(PROFILES);
      profile = Files.createTempDirectory(PROFILES, "chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--host-resolver-rules=MAP " + TARGET_HOST + " 127.0.0.1",
        "--user-data-dir=" + profile);
    // The exact viewport of the look: a headless window is wider than 375 px at least, and its
    // viewport is smaller than the window. A phone also gets touch and the mobile viewport rules.
    options.setExperimentalOption(
        "mobileEmulation",
        Map.of(
            "deviceMetrics",
            Map.of(
                "width",
                look.width,
                "height",
                look.height,
                "pixelRatio",
                1,
                "mobile",
                look.phone(),
                "touch",
                look.phone())));
    if (!javaScript) {
      options.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.executeCdpCommand("Network.enable", Map.of());
    ThreadLocalRandom random = ThreadLocalRandom.current();
    driver.executeCdpCommand(
        "Network.setExtraHTTPHeaders",
        Map.of(
            "headers",
            Map.of(
                "X-Forwarded-For",
                "198.19." + random.nextInt(256) + "." + random.nextInt(1, 255))));
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
    // Reduced motion switches off Bootstrap's smooth scrolling, which would still be moving when
    // Selenium clicks or takes a screenshot of an element it has just scrolled to.
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "features",
            List.of(
                Map.of("name", "prefers-color-scheme", "value", look.dark ? "dark" : "light"),
                Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
  }

  /**
   * Waits up to ten seconds for {@code condition}; the server shares two cores with the browser.
   */
  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Clicks a link or a submit button and waits until the next page has replaced this one. */
  void clickToNextPage(WebElement element) {
    WebDriverException clickError = null;
    try {
      element.click();
    } catch (WebDriverException e) {
      // When the next page replaces this one before the click command returns, chromedriver can
      // report the clicked node as gone ("does not belong to the document") although the click
      // happened; the wait for the next page below tells that race from a click that failed.
      clickError = e;
    }
    try {
      waiting().until(replaced -> isGone(element));
    } catch (TimeoutException noNextPage) {
      if (clickError != null) {
        noNextPage.addSuppressed(clickError);
      }
      throw noNextPage;
    }
  }

  /**
   * Presses a button with the keyboard (Enter), as a person tabbing through a form does, and waits
   * for the next page. Where a form has buttons side by side, a click at the coordinates computed
   * before a reflow can land on the neighbour; a key press goes to the focused button itself.
   */
  void pressToNextPage(WebElement button) {
    button.sendKeys(Keys.ENTER);
    waiting().until(replaced -> isGone(button));
  }

  /**
   * Whether {@code element}'s page has been replaced. Besides the stale-element error Selenium's
   * own {@code stalenessOf} expects, chromedriver can answer "does not belong to the document"
   * while the old page is being torn down: that is gone too.
   */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (StaleElementReferenceException gone) {
      return true;
    } catch (WebDriverException other) {
      // A dead browser or session is no page change: only the teardown message means gone.
      if (String.valueOf(other.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw other;
    }
  }

  /** The page's colour scheme as the site applied it: Bootstrap's {@code data-bs-theme}. */
  String theme() {
    return driver.findElement(By.tagName("html")).getAttribute("data-bs-theme");
  }

  /**
   * Saves the whole page, not just the viewport, as {@code target/screenshots/<name>-<look>.png}.
   */
  void screenshot(String name) {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
    double height = ((Number) content.get("height")).doubleValue();
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", look.width, "height", height, "scale", 1)));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(
          SCREENSHOTS.resolve(name + "-" + look.suffix() + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs axe-core in the current page and fails on any WCAG 2.1 A or AA violation, and on any
   * Content-Security-Policy violation the page has seen.
   */
  void assertAccessible(String page) {
    assertNoPolicyViolations(page);
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
    assertFalse(
        results.isErrored(), () -> "axe failed on " + page + ": " + results.getErrorMessage());
    assertTrue(
        results.getViolations().isEmpty(),
        () ->
            "WCAG violations on "
                + page
                + " ("
                + look
                + "):\n"
                + describe(results.getViolations()));
  }

  /** Fails if the current page broke its Content-Security-Policy anywhere. */
  void assertNoPolicyViolations(String page) {
    Object violations = driver.executeScript("return window.cspViolations");
    assertTrue(
        violations instanceof List && ((List<?>) violations).isEmpty(),
        () -> "CSP violations on " + page + " (" + look + "): " + violations);
  }

  private static String describe(List<Rule> violations) {
    return violations.stream()
        .map(
            rule ->
                rule.getId()
                    + ": "
                    + rule.getHelp()
                    + rule.getNodes().stream().map(Browser::describe).collect(Collectors.joining()))
        .collect(Collectors.joining("\n"));
  }

  private static String describe(CheckedNode node) {
    return "\n  " + node.getTarget() + ": " + node.getFailureSummary().replace("\n", " ");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException ignored) {
        // A profile left in target/ is harmless and goes with the next clean.
      }
    }
  }
}
