/**
 * What the outside calls about visits: {@link dev.shortener.visits.boundary.VisitRecorder} (the
 * redirect hands it each visit; the click flush writes them), {@link
 * dev.shortener.visits.boundary.Visits} (the statistics, read from the daily aggregates), the
 * admin's statistics pages, the retention purge and the REST API's visit endpoints.
 */
package dev.shortener.visits.boundary;
