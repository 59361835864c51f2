/**
 * API keys for the outside: {@link dev.shortener.apikeys.boundary.ApiKeys} makes, lists, revokes
 * and recognises them (the REST API's gate asks it who a caller is), and {@link
 * dev.shortener.apikeys.boundary.ApiKeysPage} backs the admin's page {@code /admin/keys}.
 */
package dev.shortener.apikeys.boundary;
