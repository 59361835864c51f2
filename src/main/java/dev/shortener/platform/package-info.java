/**
 * What the shortener needs from its surroundings: configuration ({@link
 * dev.shortener.platform.Setting}), the schema's migrations, the private data directory, the SQLite
 * datasource and the EclipseLink platform that teaches JPA to speak SQLite, the one writer, and the
 * password hash. Nothing here knows about links.
 */
package dev.shortener.platform;
