/**
 * What the outside calls about links: the redirect servlet ({@code GET /<key>}), the QR code and
 * robots.txt servlets, the Faces beans of the home form, the preview, the password page and the
 * admin's link pages, and {@link dev.shortener.links.boundary.LinkService}, through which every one
 * of them creates, changes and reads links.
 */
package dev.shortener.links.boundary;
