/**
 * How API keys are made ({@link dev.shortener.apikeys.control.ApiKeySecrets}: random, stored as a
 * SHA-256 only) and kept ({@link dev.shortener.apikeys.control.ApiKeyStore}: plain JDBC).
 */
package dev.shortener.apikeys.control;
