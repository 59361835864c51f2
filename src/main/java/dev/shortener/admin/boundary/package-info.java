/** The admin's pages: the statistics table, login and logout. */
package dev.shortener.admin.boundary;
