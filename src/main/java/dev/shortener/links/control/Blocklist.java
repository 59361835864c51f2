package dev.shortener.links.control;

import dev.shortener.platform.Setting;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Destination domains this site refuses, from {@code SHORTENER_BLOCKLIST_FILE}: one domain a line,
 * each blocking its subdomains too; blank lines and {@code #} comments are skipped.
 *
 * <p>The file is looked at every {@value #CHECK_SECONDS} seconds and read again when its time or
 * size changed, so an operator (or a feed of phishing domains) edits it without a restart. Each
 * reading gets a new {@link #generation}: the redirect cache compares it with the one its entry was
 * checked against, so an existing link to a newly blocked domain stops redirecting on its next
 * visit, and the common case costs one integer comparison.
 */
@ApplicationScoped
public class Blocklist {

  static final int CHECK_SECONDS = 2;

  private static final Logger LOG = Logger.getLogger(Blocklist.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  Path file;
  private volatile Snapshot current = new Snapshot(0, Set.of());
  private FileTime readTime;
  private long readSize = -1;
  private ScheduledFuture<?> checks;

  @PostConstruct
  void load() {
    file = Setting.BLOCKLIST_FILE.value().map(Path::of).orElse(null);
    reloadIfChanged();
  }

  void watch(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (file != null) {
      checks =
          scheduler.scheduleWithFixedDelay(
              this::reloadIfChanged, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }
  }

  @PreDestroy
  void stop() {
    if (checks != null) {
      checks.cancel(false);
    }
  }

  /** Changes with every reading of the file. */
  public int generation() {
    return current.generation();
  }

  /** The blocked domain that {@code host} is or lies under, if any. */
  public Optional<String> blocking(String host) {
    Set<String> domains = current.domains();
    if (domains.isEmpty()) {
      return Optional.empty();
    }
    String candidate = host;
    while (true) {
      if (domains.contains(candidate)) {
        return Optional.of(candidate);
      }
      int dot = candidate.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      candidate = candidate.substring(dot + 1);
    }
  }

  synchronized void reloadIfChanged() {
    if (file == null) {
      return;
    }
    try {
      FileTime time = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      if (time.equals(readTime) && size == readSize) {
        return;
      }
      Set<String> domains = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
      readTime = time;
      readSize = size;
      current = new Snapshot(current.generation() + 1, domains);
      LOG.info(() -> "Blocklist " + file + ": " + domains.size() + " blocked domains");
    } catch (IOException | RuntimeException e) {
      if (readSize != -2) {
        LOG.log(Level.WARNING, "Cannot read the blocklist " + file + "; keeping the last one", e);
      }
      readSize = -2;
    }
  }

  /** The domains of the file's lines, in lower-case ASCII; a line that is no domain is logged. */
  static Set<String> parse(List<String> lines) {
    Set<String> domains = new HashSet<>();
    for (String line : lines) {
      String entry = line.replaceFirst("#.*", "").strip().toLowerCase(Locale.ROOT);
      if (entry.startsWith("*.")) {
        entry = entry.substring(2);
      }
      while (entry.startsWith(".")) {
        entry = entry.substring(1);
      }
      while (entry.endsWith(".")) {
        entry = entry.substring(0, entry.length() - 1);
      }
      if (entry.isEmpty()) {
        continue;
      }
      try {
        String ascii = IDN.toASCII(entry, IDN.ALLOW_UNASSIGNED);
        if (!ascii.matches("[a-z0-9.-]+|\\[[0-9a-f:.]+\\]")) {
          throw new IllegalArgumentException("not a domain");
        }
        domains.add(ascii);
      } catch (IllegalArgumentException notADomain) {
        LOG.warning(() -> "Blocklist: skipped '" + line.strip() + "', which is not a domain");
      }
    }
    return Set.copyOf(domains);
  }

  private record Snapshot(int generation, Set<String> domains) {}
}
