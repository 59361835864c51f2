package dev.shortener.urls.control;

/**
 * Fired by {@link dev.shortener.urls.boundary.UrlService} once link {@code id}, pointing to {@code
 * original}, is stored: its {@code INSERT} commits on its own, outside any transaction, so
 * observers declared {@code during = AFTER_SUCCESS} are notified at once.
 */
public record UrlCreated(long id, String original) {}
