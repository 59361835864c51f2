/**
 * The logic behind visit statistics: the bounded queue the redirect hands each visit to, what a
 * visit is classified as (browser, system, device, bot or preview, country, referrer host, the
 * day's visitor hash), and the SQL that writes the daily aggregates and single visits in the click
 * flush's transaction and reads them back.
 */
package dev.shortener.visits.control;
