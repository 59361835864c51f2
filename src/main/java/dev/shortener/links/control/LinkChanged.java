package dev.shortener.links.control;

/**
 * Fired by {@link dev.shortener.links.boundary.LinkService} once an edit or a deletion of link
 * {@code id} is stored, so that the next request sees it: whatever holds the link in memory (the
 * redirect cache, the alias index, the count of visits) forgets it. {@code oldAlias} and {@code
 * newAlias} are null where there is none; a deleted link has no new alias.
 */
public record LinkChanged(long id, String oldAlias, String newAlias, boolean deleted) {}
