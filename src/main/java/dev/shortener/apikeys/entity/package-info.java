/**
 * What an API key is: its {@link dev.shortener.apikeys.entity.Scope} and the record the admin's
 * page lists ({@link dev.shortener.apikeys.entity.ApiKey}). Plain records, read and written with
 * JDBC by {@link dev.shortener.apikeys.control.ApiKeyStore}.
 */
package dev.shortener.apikeys.entity;
