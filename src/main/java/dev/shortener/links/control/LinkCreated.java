package dev.shortener.links.control;

/**
 * Fired by {@link dev.shortener.links.boundary.LinkService} once the link {@code row} is stored:
 * its write commits on its own, outside any transaction, so observers declared {@code during =
 * AFTER_SUCCESS} are notified at once.
 */
public record LinkCreated(LinkRow row) {}
