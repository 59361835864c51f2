/**
 * What the outside calls about links: the redirect servlet ({@code GET /<code>}), the QR code
 * servlet ({@code GET /qr/<code>.svg}), the home page's form bean, and {@link
 * dev.shortener.urls.boundary.UrlService}, the transactional service over the {@code url} table.
 */
package dev.shortener.urls.boundary;
