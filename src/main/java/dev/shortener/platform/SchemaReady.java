package dev.shortener.platform;

/**
 * Fired once at start by {@link SchemaMigrations} when the database's schema is this release's:
 * whatever reads the database at start observes it rather than the application's start.
 */
public record SchemaReady() {}
