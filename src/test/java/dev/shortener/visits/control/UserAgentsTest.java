package dev.shortener.visits.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.shortener.visits.entity.VisitKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserAgentsTest {
  // A fresh instance, and so an empty cache, for every run of the class: with one per JVM a
  // mutation-testing run would be served the answers that the unchanged code cached.
  private static UserAgents agents;

  @BeforeAll
  static void init() {
    agents = new UserAgents();
    agents.init();
  }

  private static void assertAgent(
      String browser, String os, String device, VisitKind kind, String userAgent) {
    assertEquals(new Agent(browser, os, device, kind), agents.classify(userAgent), userAgent);
  }

  @Test
  void desktops() {
    assertAgent(
        "Chrome",
        "Windows",
        "Desktop",
        VisitKind.PERSON,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36");
    assertAgent(
        "Firefox",
        "Linux",
        "Desktop",
        VisitKind.PERSON,
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
    assertAgent(
        "Firefox",
        "Ubuntu",
        "Desktop",
        VisitKind.PERSON,
        "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
    assertAgent(
        "Safari",
        "Mac OS X",
        "Desktop",
        VisitKind.PERSON,
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/18.1 Safari/605.1.15");
    assertAgent(
        "Chrome",
        "Chrome OS",
        "Desktop",
        VisitKind.PERSON,
        "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36");
  }

  @Test
  void phones() {
    assertAgent(
        "Mobile Safari",
        "iOS",
        "Phone",
        VisitKind.PERSON,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
            + " Gecko) Version/17.6 Mobile/15E148 Safari/604.1");
    assertAgent(
        "Chrome Mobile",
        "Android",
        "Phone",
        VisitKind.PERSON,
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Mobile Safari/537.36");
    assertAgent(
        "Firefox Mobile",
        "Android",
        "Phone",
        VisitKind.PERSON,
        "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0");
    assertAgent(
        "IE Mobile",
        "Windows Phone",
        "Phone",
        VisitKind.PERSON,
        "Mozilla/5.0 (compatible; MSIE 9.0; Windows Phone OS 7.5; Trident/5.0; IEMobile/9.0;"
            + " NOKIA; Lumia 800)");
  }

  @Test
  void tablets() {
    assertAgent(
        "Mobile Safari",
        "iOS",
        "Tablet",
        VisitKind.PERSON,
        "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
            + " Version/17.6 Mobile/15E148 Safari/604.1");
    assertAgent(
        "Chrome",
        "Android",
        "Tablet",
        VisitKind.PERSON,
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36");
    assertAgent(
        "Amazon Silk",
        "Android",
        "Tablet",
        VisitKind.PERSON,
        "Mozilla/5.0 (Linux; Android 11; KFTRWI) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Silk/131.1.1 like Chrome/131.0.0.0 Safari/537.36");
  }

  @Test
  void moreTablets() {
    assertAgent(
        "Chrome",
        "Android",
        "Tablet",
        VisitKind.PERSON,
        "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36");
    assertAgent(
        "Kindle",
        "Kindle",
        "Tablet",
        VisitKind.PERSON,
        "Mozilla/5.0 (Linux; U; en-US) AppleWebKit/528.5+ (KHTML, like Gecko, Safari/528.5+)"
            + " Version/4.0 Kindle/3.0 (screen 600x800; rotate)");
    assertAgent(
        "BlackBerry WebKit",
        "BlackBerry Tablet OS",
        "Tablet",
        VisitKind.PERSON,
        "Mozilla/5.0 (PlayBook; U; RIM Tablet OS 2.1.0; en-US) AppleWebKit/536.2+ (KHTML, like"
            + " Gecko) Version/7.2.1.0 Safari/536.2+");
  }

  @Test
  void moreDevices() {
    assertAgent(
        "Firefox Mobile",
        "KaiOS",
        "Phone",
        VisitKind.PERSON,
        "Mozilla/5.0 (Mobile; rv:48.0; A405DL) Gecko/48.0 Firefox/48.0 KAIOS/2.5");
    // An unknown system whose header says "Mobi" is a phone.
    assertAgent(null, null, "Phone", VisitKind.PERSON, "Mozilla/5.0 (Zzyzx; Mobi) Zzyzx/1.0");
    // A Linux distribution the list does not name is a desktop by its X11.
    assertAgent(
        "Firefox",
        "Mageia",
        "Desktop",
        VisitKind.PERSON,
        "Mozilla/5.0 (X11; Mageia; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0");
    // A TV's system is known, its device class is not.
    assertAgent(
        "Chrome",
        "Web0S",
        null,
        VisitKind.PERSON,
        "Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/79.0.3945.79 Safari/537.36 WebAppManager");
  }

  @Test
  void previewsOfChatAndSocialApps() {
    assertAgent(
        "Slackbot-LinkExpanding",
        null,
        "Bot",
        VisitKind.PREVIEW,
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)");
    assertAgent("WhatsApp", null, "Bot", VisitKind.PREVIEW, "WhatsApp/2.23.20.0");
    assertAgent("Twitterbot", null, "Bot", VisitKind.PREVIEW, "Twitterbot/1.0");
    assertAgent(
        "Discordbot",
        null,
        "Bot",
        VisitKind.PREVIEW,
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)");
    assertAgent("TelegramBot", null, "Bot", VisitKind.PREVIEW, "TelegramBot (like TwitterBot)");
    assertAgent(
        "FacebookBot",
        null,
        "Bot",
        VisitKind.PREVIEW,
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)");
  }

  /** Instances the crawler-user-agents list gives for some of its social-preview entries. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "facebookexternalhit/1.0 (+http://www.facebook.com/externalhit_uatext.php)",
        "Twitterbot/0.1",
        "Slackbot 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)",
        "WhatsApp/0.3.4479 N",
        "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5",
        "Mozilla/5.0 (Windows NT 6.3; WOW64; Trident/7.0; rv:11.0; BingPreview/1.0b) like Gecko",
        "http.rb/2.2.2 (Mastodon/1.5.1; +https://example-masto-instance.org/)",
        "Mozilla/5.0 (compatible; vkShare; +http://vk.com/dev/Share)",
        "Iframely/1.3.1 (+https://iframely.com/docs/about) Atlassian",
        "Viber",
        "Bluesky/"
      })
  void instancesOfTheListsPreviewsArePreviews(String userAgent) {
    assertEquals(VisitKind.PREVIEW, agents.classify(userAgent).kind(), userAgent);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like"
            + " Gecko) Chrome/41.0.2272.96 Mobile Safari/537.36 (compatible; Googlebot/2.1;"
            + " +http://www.google.com/bot.html)",
        "curl/8.5.0",
        "python-requests/2.31.0",
      })
  void botsOfTheList(String userAgent) {
    Agent agent = agents.classify(userAgent);
    assertEquals(VisitKind.BOT, agent.kind(), userAgent);
    assertEquals("Bot", agent.device(), userAgent);
  }

  @Test
  void uaParsersSpidersAreBotsToo() {
    assertAgent(
        "Zzyzxbot",
        null,
        "Bot",
        VisitKind.BOT,
        "Mozilla/5.0 (compatible; Zzyzxbot/1.0; +http://example.com/bot.html)");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t"})
  void noUserAgentIsABot(String userAgent) {
    assertAgent(null, null, "Bot", VisitKind.BOT, userAgent);
  }

  @Test
  void unknownIsNullNotOther() {
    assertAgent(null, null, null, VisitKind.PERSON, "Mozilla/5.0 (compatible; Zzyzx/1.0)");
  }

  @Test
  void namesAreCutAt64Characters() {
    // An iOS app's user agent starts with its name, which ua-parser takes whole.
    String name = "Z".repeat(70);
    Agent agent = agents.classify(name + "/1.0 CFNetwork/1410.0.3 Darwin/22.6.0");
    assertEquals(name.substring(0, UserAgents.FIELD_LENGTH), agent.browser());
    String exact = "Y".repeat(UserAgents.FIELD_LENGTH);
    assertEquals(exact, agents.classify(exact + "/1.0 CFNetwork/1410.0.3 Darwin/22.6.0").browser());
  }

  @Test
  void onlyTheFirst512CharactersCount() {
    String chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36 ";
    String padded = chrome + " ".repeat(UserAgents.LOOKED_AT - chrome.length());
    assertEquals(VisitKind.PERSON, agents.classify(padded + "Googlebot/2.1").kind());
    assertEquals(VisitKind.BOT, agents.classify(padded.substring(13) + "Googlebot/2.1").kind());
    String exact = padded.substring(13) + "Googlebot/2.1";
    assertEquals(UserAgents.LOOKED_AT, exact.length());
    assertEquals(VisitKind.BOT, agents.classify(exact).kind());
  }

  @Test
  void repeatedUserAgentsComeFromTheCache() {
    String firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
    assertSame(agents.classify(firefox), agents.classify(new String(firefox)));
  }
}
