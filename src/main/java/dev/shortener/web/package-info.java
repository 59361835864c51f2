/**
 * What every page shares and no business component owns: the error page, the security headers and
 * form-post filters, who the client is behind a proxy, cookies, rate limits and the throttle of
 * password guesses.
 */
package dev.shortener.web;
