/**
 * The logic behind links: the rules of every field ({@link dev.shortener.links.control.LinkRules},
 * {@link dev.shortener.links.control.UrlRules}, {@link dev.shortener.links.control.Destinations}),
 * the SQL that stores and lists them ({@link dev.shortener.links.control.LinkStore}, {@link
 * dev.shortener.links.control.LinkSearch}), short codes, the redirect cache and what a redirect
 * checks, other app servers' changes on a shared database ({@link
 * dev.shortener.links.control.LinkNotices}), the in-memory click counter with its periodic flush,
 * and the QR code drawing.
 */
package dev.shortener.links.control;
