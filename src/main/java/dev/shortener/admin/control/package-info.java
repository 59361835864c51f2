/**
 * Who is the admin: the form-login configuration, the single-account identity store and the
 * password hash it keeps instead of the password.
 */
package dev.shortener.admin.control;
