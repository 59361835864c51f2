/**
 * The REST API's plumbing, shared by the resources of each component: the application under {@code
 * /rest} ({@link dev.shortener.api.ApiApplication}), the gate in front of it (keys, CORS, limits:
 * {@link dev.shortener.api.ApiGate}), who calls ({@link dev.shortener.api.Caller}), Shlink's
 * problem details ({@link dev.shortener.api.ApiProblem}), JSON bodies, dates and pagination as
 * Shlink writes them, and the health check. The resources themselves live with their component,
 * e.g. {@code links.boundary.ShortUrlsResource}.
 */
package dev.shortener.api;
