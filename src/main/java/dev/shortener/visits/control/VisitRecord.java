package dev.shortener.visits.control;

/**
 * What the redirect thread notes of a visit, as raw as it came: nothing is parsed or looked up
 * there. Classification, hashing and the country wait for the flush.
 *
 * @param linkId the visited link, or {@link #ORPHAN} for a path that is no link
 * @param orphanPath the path of an orphan visit, else null
 * @param time epoch milliseconds
 * @param userAgent the {@code User-Agent} header, or null
 * @param referrer the {@code Referer} header, or null
 * @param address the client's address as text (the trusted proxy's word, if any)
 * @param head a {@code HEAD} request: a link check, no visit
 * @param prefetch a browser's prefetch ({@code Sec-Purpose} or {@code Purpose}), not a click
 * @param untracked the visitor asked not to be tracked ({@code DNT: 1} or {@code Sec-GPC: 1})
 */
public record VisitRecord(
    long linkId,
    String orphanPath,
    long time,
    String userAgent,
    String referrer,
    String address,
    boolean head,
    boolean prefetch,
    boolean untracked) {

  /** The link id of an orphan visit. */
  public static final long ORPHAN = -1;
}
