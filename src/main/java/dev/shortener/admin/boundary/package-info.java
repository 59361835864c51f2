/** The admin's sign-in pages and the statistics table, and the filter that refuses forged posts. */
package dev.shortener.admin.boundary;
