/**
 * Who is the admin: the form-login mechanism, the single-account identity store and the password
 * hash it keeps instead of the password.
 */
package dev.shortener.admin.control;
