package dev.shortener.visits.entity;

/**
 * One recorded visit, as the latest visits, the API and the export show it. No address: none is
 * kept. Fields the switches turned off, or that the visit did not say, are null.
 *
 * @param id the visit's number, which orders visits by when they were written
 * @param linkId the visited link, or null for an orphan visit
 * @param orphanPath the path of an orphan visit
 * @param time epoch milliseconds
 * @param referrer the referrer's host
 * @param country ISO 3166-1 alpha-2 code
 */
public record Visit(
    long id,
    Long linkId,
    String orphanPath,
    long time,
    VisitKind kind,
    String referrer,
    String userAgent,
    String browser,
    String os,
    String device,
    String country) {}
