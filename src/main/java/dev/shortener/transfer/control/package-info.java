/**
 * The logic behind moving links in and out: {@link dev.shortener.transfer.control.LinkDump} (every
 * link by keyset, with its tags), the export formats {@link dev.shortener.transfer.control.LinkCsv}
 * and {@link dev.shortener.transfer.control.LinkJson}, and {@link
 * dev.shortener.transfer.control.Snapshot} (SQLite's {@code VACUUM INTO} and the backup's files).
 */
package dev.shortener.transfer.control;
