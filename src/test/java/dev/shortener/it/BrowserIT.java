package dev.shortener.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlToBe;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * What a person does, in a real browser: shorten, copy, scan, follow; sign in, read the clicks,
 * sign out. Every scenario runs on a phone and a desktop screen, light and dark, checks each page
 * with axe-core and leaves screenshots in {@code target/screenshots/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

  private static final String PASSWORD = System.getProperty("it.admin.password");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) links, most clicked first");

  /**
   * The built WAR plus a static page for short links to lead to, so no request leaves the machine.
   */
  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.builtWar().addAsWebResource("browser/arrived.html", "arrived.html");
  }

  @ArquillianResource URL deployed;

  /** The deployment on the loopback address, so that the browser's traffic stays on it. */
  private String base;

  @BeforeEach
  void onLoopback() {
    String path = deployed.getPath();
    // Payara's adapter reports the root context as "/", TomEE's as "".
    base = "http://localhost:" + deployed.getPort() + (path.endsWith("/") ? path : path + "/");
  }

  /** A page of the test server, on a host name that is no local address (see Browser). */
  private String target(String purpose) {
    return "http://"
        + Browser.TARGET_HOST
        + ":"
        + deployed.getPort()
        + "/arrived.html?"
        + purpose
        + "="
        + UUID.randomUUID();
  }

  @ParameterizedTest
  @EnumSource(Look.class)
  void personShortensCopiesScansAndFollowsALink(Look look) throws Exception {
    try (Browser browser = new Browser(look)) {
      WebDriver driver = browser.driver;
      driver.get(base);
      assertEquals(look.dark ? "dark" : "light", browser.theme());
      browser.screenshot("home");
      browser.assertAccessible("home");

      type(driver, "javascript:alert(1)");
      browser.clickToNextPage(driver.findElement(By.id("shorten:submit")));
      WebElement field = driver.findElement(By.id("shorten:url"));
      assertEquals(
          "Only web addresses starting with http:// or https:// can be shortened.",
          driver.findElement(By.id("url-error")).getText());
      assertEquals("true", field.getAttribute("aria-invalid"));
      assertEquals("url-error", field.getAttribute("aria-describedby"));
      assertEquals(field, driver.switchTo().activeElement(), "the refused field has the focus");
      assertTrue(driver.findElements(By.id("result")).isEmpty());
      browser.screenshot("home-refused");
      browser.assertAccessible("home with a refusal");

      String target = target("look-" + look);
      String shortLink = shorten(browser, target);
      assertTrue(shortLink.matches(Pattern.quote(base) + "[0-9A-Za-z]{4,}"), shortLink);
      assertEquals(
          driver.findElement(By.id("result-title")),
          driver.switchTo().activeElement(),
          "focus moves to the result");
      assertEquals(target, driver.findElement(By.cssSelector("#result .original")).getText());
      browser.screenshot("result");
      browser.assertAccessible("result");

      assertEquals(shortLink, qrCodeText(browser, driver.findElement(By.id("qr"))));

      driver.findElement(By.id("copy")).click();
      browser
          .waiting()
          .until(textToBePresentInElementLocated(By.id("copy-status"), "Copied to the clipboard."));
      assertEquals(shortLink, pasteIntoTheUrlField(driver));

      assertEquals(
          shortLink + "+", driver.findElement(By.id("preview-link")).getDomProperty("href"));

      browser.clickToNextPage(driver.findElement(By.id("short-link")));
      browser.waiting().until(urlToBe(target));
      assertEquals("Arrived", driver.getTitle());
      browser.assertNoPolicyViolations("the page a short link led to");

      driver.get(shortLink + "+");
      assertEquals(target, driver.findElement(By.id("preview-target")).getText());
      browser.screenshot("preview");
      browser.assertAccessible("preview");
      browser.clickToNextPage(driver.findElement(By.id("preview-go")));
      browser.waiting().until(urlToBe(target));
    }
  }

  /**
   * Plain http on a host other than localhost has no clipboard API: the link is selected instead.
   */
  @Test
  void copyWithoutTheClipboardApiSelectsTheLink() {
    try (Browser browser = new Browser(Look.DESKTOP)) {
      WebDriver driver = browser.driver;
      driver.get(base);
      String shortLink = shorten(browser, target("fallback"));
      browser.driver.executeScript(
          "Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true})");
      driver.findElement(By.id("copy")).click();
      String status = driver.findElement(By.id("copy-status")).getText();
      assertTrue(
          status.equals("Copied to the clipboard.")
              || status.equals("Selected: press Ctrl+C (or long-press) to copy."),
          status);
      WebElement link = driver.findElement(By.id("short-url"));
      assertEquals(link, driver.switchTo().activeElement());
      assertEquals(
          shortLink,
          browser.driver.executeScript(
              "return arguments[0].value.substring(arguments[0].selectionStart, arguments[0].selectionEnd)",
              link));
    }
  }

  @Test
  void shortensWithoutJavaScript() {
    try (Browser browser = new Browser(Look.DESKTOP, false)) {
      WebDriver driver = browser.driver;
      driver.get(base);
      type(driver, "https://exa mple.com/");
      browser.clickToNextPage(driver.findElement(By.id("shorten:submit")));
      assertEquals(
          "The URL contains spaces; encode them as %20 or remove them.",
          driver.findElement(By.id("url-error")).getText());

      String shortLink = shorten(browser, target("no-script"));
      assertTrue(shortLink.startsWith(base), shortLink);
      assertTrue(driver.findElement(By.id("qr")).isDisplayed());
      assertFalse(driver.findElement(By.id("copy")).isDisplayed(), "Copy needs JavaScript");
    }
  }

  @ParameterizedTest
  @EnumSource(Look.class)
  void adminSignsInSeesTheClicksAndSignsOut(Look look) {
    try (Browser browser = new Browser(look)) {
      WebDriver driver = browser.driver;
      driver.get(base);
      String target = target("counted");
      String shortLink = shorten(browser, target);
      for (int click = 0; click < 2; click++) {
        driver.get(shortLink);
        browser.waiting().until(urlToBe(target));
      }

      driver.get(base + "stats");
      browser.waiting().until(urlContains("/login"));
      browser.screenshot("login");
      browser.assertAccessible("login");

      signIn(browser, "not-" + PASSWORD);
      assertEquals(
          "Wrong user name or password.", driver.findElement(By.id("login-error")).getText());
      browser.screenshot("login-refused");
      browser.assertAccessible("login with an error");

      signIn(browser, PASSWORD);
      browser.waiting().until(urlToBe(base + "stats"));
      long total = total(driver);
      driver.get(base);
      type(driver, "ftp://example.com/file");
      browser.clickToNextPage(driver.findElement(By.id("shorten:submit")));
      assertFalse(driver.findElement(By.id("url-error")).getText().isEmpty());
      driver.get(base + "stats");
      assertEquals(total, total(driver), "a refused URL creates nothing");

      // Clicks reach the database in the background about once a second.
      WebElement row =
          browser
              .waiting()
              .until(d -> rowOf(d, shortLink).filter(r -> clicks(r).equals("2")).orElse(null));
      WebElement original =
          row.findElements(By.cssSelector("a[title]")).stream()
              .filter(WebElement::isDisplayed)
              .findFirst()
              .orElseThrow();
      assertEquals(target, original.getAttribute("title"), "the whole URL on hover");
      assertEquals("nowrap", original.getCssValue("white-space"));
      browser.driver.executeScript("arguments[0].focus()", original);
      assertEquals("normal", original.getCssValue("white-space"), "the whole URL on focus");
      driver.navigate().refresh();
      browser.screenshot("stats");
      browser.assertAccessible("stats");

      browser.clickToNextPage(
          rowOf(driver, shortLink).orElseThrow().findElement(By.cssSelector("td.short a")));
      browser.waiting().until(urlToBe(target));

      driver.get(base + "stats");
      browser.clickToNextPage(driver.findElement(By.id("logout:submit")));
      browser.waiting().until(urlToBe(base));
      driver.get(base + "stats");
      browser.waiting().until(urlContains("/login"));
    }
  }

  @ParameterizedTest
  @EnumSource(Look.class)
  void unknownAddressesGetTheSitesNotFoundPage(Look look) {
    try (Browser browser = new Browser(look)) {
      WebDriver driver = browser.driver;
      driver.get(base + "no/such/page");
      assertEquals("Page not found", driver.findElement(By.tagName("h1")).getText());
      assertTrue(driver.findElement(By.cssSelector("footer")).isDisplayed());
      browser.screenshot("404");
      browser.assertAccessible("404");

      driver.get(base + "zzzzzz");
      assertEquals("Invalid URL", driver.findElement(By.id("error-message")).getText());
    }
  }

  /**
   * The admin manages a link from end to end: creates it with options on the new-link page, finds
   * it in the list, edits it, switches it off (the visitor's 410 page) and on, protects it with a
   * password (the visitor's password page), and deletes it after confirming.
   */
  @ParameterizedTest
  @EnumSource(Look.class)
  void adminManagesALinkFromCreationToDeletion(Look look) {
    try (Browser browser = new Browser(look)) {
      WebDriver driver = browser.driver;
      driver.get(base + "login");
      signIn(browser, PASSWORD);
      driver.get(base + "admin/links/new");
      browser.screenshot("new-link");
      browser.assertAccessible("new link");

      String alias = "managed-" + UUID.randomUUID().toString().substring(0, 8);
      String target = target("managed-" + look);
      fill(driver, "link:url", target);
      fill(driver, "link:alias", alias);
      fill(driver, "link:title", "Managed in a browser");
      fill(driver, "link:tags", "browser, " + look.name().toLowerCase());
      fill(driver, "link:maxVisits", "x");
      browser.clickToNextPage(driver.findElement(By.id("link:create")));
      assertEquals(
          "Max visits must be a positive whole number.",
          driver.findElement(By.id("maxVisits-error")).getText());
      assertEquals(
          "true", driver.findElement(By.id("link:maxVisits")).getAttribute("aria-invalid"));
      browser.assertAccessible("new link with a refusal");
      fill(driver, "link:maxVisits", "100");
      browser.clickToNextPage(driver.findElement(By.id("link:create")));
      assertEquals(
          "The link is ready.", driver.findElement(By.cssSelector("#notice .alert")).getText());
      assertEquals(base + alias, driver.findElement(By.id("short-url")).getDomProperty("value"));
      assertEquals(target, driver.findElement(By.id("fact-original")).getText());
      browser.screenshot("link-page");
      browser.assertAccessible("link page");

      driver.get(base + "admin/links?q=" + alias);
      assertEquals(1, driver.findElements(By.cssSelector("#links tbody tr")).size());
      browser.screenshot("links");
      browser.assertAccessible("links");
      browser.clickToNextPage(driver.findElement(By.cssSelector("#links a.link-page")));

      fill(driver, "link:title", "Renamed in a browser");
      browser.clickToNextPage(driver.findElement(By.id("link:save")));
      assertTrue(driver.findElement(By.id("notice")).getText().startsWith("Saved."));
      assertEquals("Renamed in a browser", driver.findElement(By.tagName("h1")).getText());

      browser.clickToNextPage(driver.findElement(By.id("actions:toggle")));
      assertEquals("Disabled", driver.findElement(By.id("state")).getText());
      driver.get(base + alias);
      assertEquals(
          "This link has been disabled.", driver.findElement(By.id("error-message")).getText());
      browser.screenshot("410");
      browser.assertAccessible("410");
      driver.get(base + "admin/link?key=" + alias);
      browser.clickToNextPage(driver.findElement(By.id("actions:toggle")));
      assertEquals("Active", driver.findElement(By.id("state")).getText());

      fill(driver, "link:password", "open sesame");
      browser.clickToNextPage(driver.findElement(By.id("link:save")));
      assertTrue(driver.findElement(By.id("notice")).getText().startsWith("Saved."));
      driver.get(base + alias);
      assertEquals(
          "This link is protected",
          driver.findElement(By.tagName("h1")).getText(),
          () -> driver.findElement(By.tagName("main")).getText());
      browser.screenshot("password");
      browser.assertAccessible("password");
      driver.findElement(By.id("password")).sendKeys("wrong");
      browser.clickToNextPage(driver.findElement(By.id("unlock-submit")));
      assertEquals("Wrong password.", driver.findElement(By.id("password-error")).getText());
      browser.assertAccessible("password refused");
      driver.findElement(By.id("password")).sendKeys("open sesame");
      browser.clickToNextPage(driver.findElement(By.id("unlock-submit")));
      browser.waiting().until(urlToBe(target));

      driver.get(base + "admin/link?key=" + alias);
      browser.clickToNextPage(driver.findElement(By.id("actions:delete")));
      assertTrue(driver.findElement(By.id("confirm-delete")).isDisplayed());
      browser.screenshot("confirm-delete");
      browser.assertAccessible("confirm delete");
      browser.clickToNextPage(driver.findElement(By.id("confirm:delete-for-good")));
      assertEquals(
          "The link " + alias + " was deleted.", driver.findElement(By.id("notice")).getText());
      driver.get(base + alias);
      assertEquals("Page not found", driver.findElement(By.tagName("h1")).getText());
    }
  }

  /**
   * The admin makes an API key in the keys page, sees it once, a program uses it, and the admin
   * revokes it: from then on the key opens nothing.
   */
  @ParameterizedTest
  @EnumSource(Look.class)
  void adminMakesAnApiKeyAndRevokesIt(Look look) throws Exception {
    try (Browser browser = new Browser(look)) {
      WebDriver driver = browser.driver;
      driver.get(base + "login?next=/admin/keys");
      signIn(browser, PASSWORD);
      assertEquals("API keys", driver.findElement(By.tagName("h1")).getText());
      String name = "browser " + look.name().toLowerCase() + " " + UUID.randomUUID();
      fill(driver, "key:name", name);
      new Select(driver.findElement(By.id("key:scope"))).selectByValue("create");
      browser.clickToNextPage(driver.findElement(By.id("key:create")));
      String secret = driver.findElement(By.id("secret")).getDomProperty("value");
      assertEquals(43, secret.length(), secret);
      assertTrue(driver.findElement(By.id("copy")).isDisplayed(), "Copy, with JavaScript");
      browser.screenshot("api-key-made");
      browser.assertAccessible("api key made");

      Api program = new Api(URI.create(base), secret);
      assertEquals(200, program.get("/rest/v3/short-urls").statusCode());
      driver.get(base + "admin/keys");
      assertFalse(driver.getPageSource().contains(secret), "shown once");
      WebElement row =
          driver.findElements(By.cssSelector("#keys tbody tr")).stream()
              .filter(r -> r.getText().contains(name))
              .findFirst()
              .orElseThrow();
      assertTrue(row.getText().contains("create"), row.getText());
      assertEquals("Active", row.findElement(By.className("key-state")).getText());
      browser.screenshot("api-keys");
      browser.assertAccessible("api keys");
      browser.clickToNextPage(row.findElement(By.cssSelector("input[type=submit]")));
      assertTrue(driver.findElement(By.id("notice")).getText().contains("is revoked"));
      assertEquals(401, program.get("/rest/v3/short-urls").statusCode());
    }
  }

  /**
   * The admin imports a spreadsheet through the navigation: uploads it, sees its first rows and
   * maps its columns, dry-runs and imports it, and finds the exports and the backup below, on pages
   * that are accessible in each look.
   */
  @ParameterizedTest
  @EnumSource(Look.class)
  void adminImportsASpreadsheetAndFindsTheExportsAndTheBackup(Look look) throws Exception {
    String alias = "browser-import-" + UUID.randomUUID().toString().substring(0, 8);
    Path file = Files.createTempFile("import", ".csv");
    Files.writeString(
        file,
        "Where to;x,Nickname,Notes\r\nhttps://example.com/browser-import,"
            + alias
            + ",kept\r\n"
            + "ftp://example.com/refused,,refused\r\n");
    try (Browser browser = new Browser(look)) {
      WebDriver driver = browser.driver;
      driver.get(base + "login?next=/admin/links");
      signIn(browser, PASSWORD);
      browser.clickToNextPage(driver.findElement(By.linkText("Import")));
      assertEquals("Import and export", driver.findElement(By.tagName("h1")).getText());
      assertTrue(
          driver
              .findElement(By.id("export-csv"))
              .getDomAttribute("href")
              .endsWith("/admin/links.csv"));
      assertTrue(
          driver
              .findElement(By.id("export-json"))
              .getDomAttribute("href")
              .endsWith("/admin/links.json"));
      assertEquals(
          1,
          driver.findElements(By.id("backup")).size()
              + driver.findElements(By.id("backup-postgresql")).size(),
          "the backup of this database, one way or the other");
      browser.screenshot("import");
      browser.assertAccessible("import and export");

      driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
      browser.clickToNextPage(driver.findElement(By.id("upload-button")));
      assertTrue(
          driver.findElement(By.id("import-preview")).getText().contains(alias),
          "the first rows are shown");
      new Select(driver.findElement(By.id("import-form:map:0:column")))
          .selectByVisibleText("1: Where to;x");
      new Select(driver.findElement(By.id("import-form:map:1:column")))
          .selectByVisibleText("2: Nickname");
      browser.screenshot("import-mapping");
      browser.assertAccessible("import mapping");

      browser.pressToNextPage(driver.findElement(By.id("import-form:dry-run")));
      browser.waiting().until(textToBePresentInElementLocated(By.id("import-state"), "Dry run"));
      assertEquals("1", driver.findElement(By.id("import-imported")).getText());
      assertEquals("1", driver.findElement(By.id("import-skipped")).getText());
      assertTrue(driver.findElement(By.id("import-problems")).getText().contains("Line 3"));
      browser.assertAccessible("import dry run");
      assertEquals(404, new Site(URI.create(base)).get("/" + alias).statusCode(), "not yet");

      new Select(driver.findElement(By.id("import-form:map:0:column")))
          .selectByVisibleText("1: Where to;x");
      new Select(driver.findElement(By.id("import-form:map:1:column")))
          .selectByVisibleText("2: Nickname");
      browser.pressToNextPage(driver.findElement(By.id("import-form:run")));
      browser.waiting().until(textToBePresentInElementLocated(By.id("import-state"), "Import"));
      assertEquals("1", driver.findElement(By.id("import-imported")).getText());
      browser.screenshot("import-done");
      browser.assertAccessible("import done");
      assertEquals(302, new Site(URI.create(base)).get("/" + alias).statusCode(), "imported");

      browser.pressToNextPage(driver.findElement(By.id("import-form:discard")));
      assertEquals(1, driver.findElements(By.id("upload-button")).size(), "ready for the next");
    } finally {
      Files.delete(file);
    }
  }

  /**
   * The admin reads a link's visits and the overview: the totals, the chart with its table of
   * numbers, the top values and the latest visits, accessible in each look.
   */
  @ParameterizedTest
  @EnumSource(Look.class)
  void adminReadsALinksVisitsAndTheOverview(Look look) throws Exception {
    Admin admin = Admin.signIn(URI.create(base));
    String key =
        URI.create(
                admin.site.shortLinkOf("https://example.com/browser-visits/" + UUID.randomUUID()))
            .getPath()
            .substring(1);
    Site visitor = new Site(URI.create(base)).from("8.8.8.8");
    for (int i = 0; i < 3; i++) {
      visitor.get("/" + key, "User-Agent", VisitsIT.CHROME, "Referer", "https://news.example.org/");
    }
    visitor.get("/" + key, "User-Agent", VisitsIT.SLACK);
    try (Browser browser = new Browser(look)) {
      WebDriver driver = browser.driver;
      driver.get(base + "login?next=/admin/visits");
      signIn(browser, PASSWORD);
      driver.get(base + "admin/link?key=" + key);
      browser
          .waiting()
          .until(
              d -> {
                d.navigate().refresh();
                return d.findElement(By.id("visits-total")).getText().equals("4");
              });
      assertEquals("3", driver.findElement(By.id("visits-people")).getText());
      assertEquals("1", driver.findElement(By.id("visits-previews")).getText());
      WebElement chart = driver.findElement(By.cssSelector("#visits-chart svg"));
      assertEquals("img", chart.getAttribute("role"));
      assertTrue(
          driver
              .findElement(By.id("visits-referrer-visits"))
              .getText()
              .contains("news.example.org"));
      assertTrue(driver.findElement(By.id("visits-latest")).getText().contains("Link preview"));
      browser.screenshot("link-visits");
      browser.assertAccessible("link visits");

      driver.findElement(By.cssSelector("a[href$='days=7']")).click();
      assertTrue(driver.getCurrentUrl().endsWith("days=7"), driver.getCurrentUrl());
      assertEquals("4", driver.findElement(By.id("visits-total")).getText());

      driver.get(base + "admin/visits");
      assertEquals("Visits", driver.findElement(By.tagName("h1")).getText());
      assertTrue(driver.findElement(By.cssSelector("#all-chart svg")).isDisplayed());
      assertTrue(driver.findElement(By.id("orphans-title")).isDisplayed());
      browser.screenshot("visits-overview");
      browser.assertAccessible("visits overview");
    }
  }

  private static void fill(WebDriver driver, String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  private static void type(WebDriver driver, String text) {
    WebElement field = driver.findElement(By.id("shorten:url"));
    field.clear();
    field.sendKeys(text);
  }

  /** Shortens {@code url} by typing and clicking, and returns the short link shown. */
  private static String shorten(Browser browser, String url) {
    type(browser.driver, url);
    browser.clickToNextPage(browser.driver.findElement(By.id("shorten:submit")));
    return browser.driver.findElement(By.id("short-url")).getDomProperty("value");
  }

  private static String pasteIntoTheUrlField(WebDriver driver) {
    WebElement field = driver.findElement(By.id("shorten:url"));
    field.clear();
    field.sendKeys(Keys.chord(Keys.CONTROL, "v"));
    return field.getDomProperty("value");
  }

  /** Reads the QR code the way a phone camera would: from the pixels on the screen. */
  private static String qrCodeText(Browser browser, WebElement image) throws Exception {
    browser
        .waiting()
        .until(
            d ->
                browser.driver.executeScript(
                    "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    // An element screenshot is cut at the viewport's edge, and the code may be below it.
    browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", image);
    byte[] png = image.getScreenshotAs(OutputType.BYTES);
    BinaryBitmap bitmap =
        new BinaryBitmap(
            new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(png)))));
    return new QRCodeReader()
        .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
        .getText();
  }

  private static void signIn(Browser browser, String password) {
    WebDriver driver = browser.driver;
    WebElement user = driver.findElement(By.id("login:username"));
    user.clear();
    user.sendKeys("admin");
    driver.findElement(By.id("login:password")).sendKeys(password);
    browser.clickToNextPage(driver.findElement(By.id("login:submit")));
  }

  private static long total(WebDriver driver) {
    Matcher matcher = TOTAL.matcher(driver.findElement(By.tagName("main")).getText());
    assertTrue(matcher.find(), driver.getPageSource());
    return Long.parseLong(matcher.group(1));
  }

  /** The stats row of {@code shortLink}, looked for page by page; the caller is signed in. */
  private Optional<WebElement> rowOf(WebDriver driver, String shortLink) {
    for (int page = 1; ; page++) {
      driver.get(base + "stats?page=" + page);
      Optional<WebElement> row =
          driver.findElements(By.cssSelector("#links tbody tr")).stream()
              .filter(
                  r ->
                      shortLink.equals(
                          r.findElement(By.cssSelector("td.short a")).getAttribute("href")))
              .findFirst();
      if (row.isPresent() || driver.findElements(By.cssSelector("a[rel=next]")).isEmpty()) {
        return row;
      }
    }
  }

  private static String clicks(WebElement row) {
    return row.findElement(By.cssSelector("td.clicks")).getText();
  }
}
