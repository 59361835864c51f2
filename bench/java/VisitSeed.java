import dev.shortener.platform.Dialect;
import dev.shortener.platform.SQLiteFileDataSource;
import dev.shortener.platform.SchemaMigrations;
import dev.shortener.visits.control.Countries;
import dev.shortener.visits.control.UserAgents;
import dev.shortener.visits.control.VisitRecord;
import dev.shortener.visits.control.VisitWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeds visits into a SQLite data directory's shortener.db through the product's own {@link
 * VisitWriter}, as the click flush would write them, so every table (visit_day, visit_total,
 * visitor_seen, visitor_salt, agent, visit) holds exactly what the product makes. The file is first
 * migrated to this release's schema with the product's Flyway migrations.
 *
 * <p>Visits go to links 1..LINKS with Zipf popularity (link id = rank: link 1 is the busiest, link
 * LINKS/2 a median one), in time order over the last DAYS days, BATCH records per transaction. With
 * {@code uniform}, every link is as likely as any other, as bench/run.sh's analytics rounds send
 * them (bench/flush.sh), and DAYS 0 puts every visit a minute ago.
 *
 * <p>Usage: {@code java -cp target/classes:WEB-INF/lib/*:jakarta-api.jar bench/java/VisitSeed.java
 * DB_FILE LINKS VISITS DAYS GEOIP_MMDB [BATCH [uniform]]}
 */
public class VisitSeed {

  // ~20 user agents: browsers (weight 85 in all), bots (10), link previews (5).
  private static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "curl/8.5.0",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Twitterbot/1.0",
    "WhatsApp/2.23.20.0",
    "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
  };
  private static final int[] AGENT_WEIGHTS = {
    20, 10, 8, 14, 3, 12, 5, 2, 5, 2, 1, 2, 1, 4, 2, 2, 2, 1, 1, 1, 1, 1
  };
  private static final String[] REFERRERS = {
    null,
    null,
    null,
    null,
    "https://www.google.com/",
    "https://www.google.com/",
    "https://t.co/x1y2z3",
    "https://www.facebook.com/",
    "https://news.ycombinator.com/item?id=4242",
    "https://www.reddit.com/r/programming/comments/abc/",
    "android-app://com.slack/",
    "https://mail.google.com/",
    "https://www.linkedin.com/feed/",
    "https://duckduckgo.com/",
  };
  // First two octets of address blocks the test database puts in a few countries (printed below).
  private static final int[][] PREFIXES = {
    {3, 80},
    {3, 80},
    {3, 80},
    {8, 8},
    {46, 4},
    {46, 4},
    {51, 158},
    {81, 2},
    {126, 100},
    {200, 147},
    {49, 36},
    {1, 1},
  };

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int links = Integer.parseInt(args[1]);
    long total = Long.parseLong(args[2]);
    int days = Integer.parseInt(args[3]);
    Path geoip = Path.of(args[4]);
    int batchSize = args.length > 5 ? Integer.parseInt(args[5]) : 20_000;
    boolean uniform = args.length > 6 && args[6].equals("uniform");

    SQLiteFileDataSource database = new SQLiteFileDataSource();
    database.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    SchemaMigrations.flyway(database, Dialect.SQLITE).migrate();

    UserAgents agents = new UserAgents();
    call(UserAgents.class, agents, "init");
    Countries countries = new Countries();
    Method open = Countries.class.getDeclaredMethod("open", Path.class);
    open.setAccessible(true);
    open.invoke(countries, geoip);
    VisitWriter writer =
        new VisitWriter(
            agents, countries, ZoneId.of("UTC"), new VisitWriter.Recording(true, true, true));

    SplittableRandom random = new SplittableRandom(42);
    Map<String, Integer> byCountry = new TreeMap<>();
    for (int i = 0; i < 10_000; i++) {
      byCountry.merge(String.valueOf(countries.of(address(random))), 1, Integer::sum);
    }
    System.out.println("countries of 10,000 seeded addresses: " + byCountry);

    double[] popularity = new double[links];
    double sum = 0;
    for (int rank = 1; rank <= links; rank++) {
      sum += 1.0 / rank;
      popularity[rank - 1] = sum;
    }
    int[] agentCumulative = new int[AGENTS.length];
    int weights = 0;
    for (int i = 0; i < AGENTS.length; i++) {
      weights += AGENT_WEIGHTS[i];
      agentCumulative[i] = weights;
    }

    long end = System.currentTimeMillis() - 60_000;
    long start = end - days * 86_400_000L;
    double step = (double) (end - start) / total;
    long began = System.nanoTime();
    long written = 0;
    long writing = 0;
    try (Connection connection = database.getConnection()) {
      connection.setAutoCommit(false);
      List<VisitRecord> batch = new ArrayList<>(batchSize);
      for (long i = 0; i < total; i++) {
        long time = start + (long) (i * step);
        int link =
            uniform ? 1 + random.nextInt(links) : rank(popularity, random.nextDouble() * sum) + 1;
        int pick = random.nextInt(weights);
        int agent = 0;
        while (agentCumulative[agent] <= pick) {
          agent++;
        }
        boolean orphan = random.nextInt(200) == 0;
        batch.add(
            new VisitRecord(
                orphan ? VisitRecord.ORPHAN : link,
                orphan ? "/no-such-link-" + random.nextInt(50) : null,
                time,
                AGENTS[agent],
                REFERRERS[random.nextInt(REFERRERS.length)],
                address(random),
                false,
                random.nextInt(100) == 0,
                random.nextInt(20) == 0));
        if (batch.size() == batchSize || i == total - 1) {
          long t0 = System.nanoTime();
          writer.write(connection, batch);
          connection.commit();
          writer.committed();
          writing += System.nanoTime() - t0;
          written += batch.size();
          batch.clear();
          if (written % 1_000_000 == 0) {
            System.out.printf(
                "%,d visits, %,.0f/s%n", written, written / ((System.nanoTime() - began) / 1e9));
          }
        }
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    System.out.printf(
        "RESULT %d %.1f %.0f %.0f%n",
        written, seconds, written / seconds, written / (writing / 1e9));
  }

  private static String address(SplittableRandom random) {
    int[] prefix = PREFIXES[random.nextInt(PREFIXES.length)];
    return prefix[0]
        + "."
        + prefix[1]
        + "."
        + random.nextInt(256)
        + "."
        + (1 + random.nextInt(254));
  }

  private static int rank(double[] cumulative, double value) {
    int low = 0, high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static void call(Class<?> type, Object target, String name) throws Exception {
    Method method = type.getDeclaredMethod(name);
    method.setAccessible(true);
    method.invoke(target);
  }
}
