package dev.shortener.urls.control;

/**
 * What answering one short link takes: the link's id, to count the click, and its {@code Location}
 * (already in {@code Location} header form).
 */
public record Redirect(long id, String location) {}
