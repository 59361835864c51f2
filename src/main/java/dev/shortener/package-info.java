/**
 * A URL shortener as one Jakarta EE WAR. Business components: {@code urls} (create, redirect,
 * count) and {@code admin} (login and statistics), each split into boundary, control and entity;
 * {@code platform} holds configuration and the SQLite plumbing. See ARCHITECTURE.md.
 */
package dev.shortener;
