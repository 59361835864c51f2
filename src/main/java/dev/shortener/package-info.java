/**
 * A URL shortener as one Jakarta EE WAR. Business components: {@code links} (create, manage,
 * redirect, count) and {@code admin} (the admin's sign-in), each split into boundary, control and
 * entity; {@code platform} holds configuration, the schema and the SQLite plumbing, {@code web}
 * what every page shares. See ARCHITECTURE.md.
 */
package dev.shortener;
