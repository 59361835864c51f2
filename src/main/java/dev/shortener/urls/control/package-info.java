/**
 * The logic behind links: short codes ({@link dev.shortener.urls.control.ShortCodes}), which URLs
 * are accepted ({@link dev.shortener.urls.control.UrlRules}), the redirect cache and the in-memory
 * click counter with its periodic flush.
 */
package dev.shortener.urls.control;
