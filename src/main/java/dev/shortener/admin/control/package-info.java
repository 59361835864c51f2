/**
 * Who is the admin: the form-login mechanism, the sessions it starts, the form tokens, the pages a
 * sign-in may continue to, and the single-account identity store.
 */
package dev.shortener.admin.control;
