/**
 * What the shortener needs from its surroundings: configuration ({@link
 * dev.shortener.platform.Setting}), the schema's migrations and the import of a SQLite data
 * directory into PostgreSQL, the private data directory, the datasource of SQLite or PostgreSQL
 * with every difference between the two ({@link dev.shortener.platform.Dialect}), the EclipseLink
 * platform that teaches JPA to speak SQLite, SQLite's one writer, and the password hash. Nothing
 * here knows about links.
 */
package dev.shortener.platform;
