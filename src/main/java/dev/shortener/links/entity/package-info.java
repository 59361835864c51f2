/**
 * The data model: {@link dev.shortener.links.entity.Link} with its named queries, and {@link
 * dev.shortener.links.entity.Tag}. The schema is Flyway's, in {@code db/migration}.
 */
package dev.shortener.links.entity;
