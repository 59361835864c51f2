/**
 * What the admin calls to move links in and out: {@link dev.shortener.transfer.boundary.LinkExport}
 * (every link as CSV or JSON, streamed) and {@link dev.shortener.transfer.boundary.Backup} (a
 * consistent copy of the SQLite database with the salt its codes are made with, taken while the
 * server serves).
 */
package dev.shortener.transfer.boundary;
