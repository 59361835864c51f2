/**
 * What the shortener needs from its surroundings: configuration ({@link
 * dev.shortener.platform.Setting}), the SQLite datasource and the EclipseLink platform that teaches
 * JPA to speak SQLite. Nothing here knows about links.
 */
package dev.shortener.platform;
