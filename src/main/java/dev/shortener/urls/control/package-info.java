/**
 * The logic behind links: short codes ({@link dev.shortener.urls.control.ShortCodes}), which URLs
 * are accepted ({@link dev.shortener.urls.control.UrlRules}), the redirect cache, the in-memory
 * click counter with its periodic flush, and the QR code drawing ({@link
 * dev.shortener.urls.control.QrCodeSvg}).
 */
package dev.shortener.urls.control;
