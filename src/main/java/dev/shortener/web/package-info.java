/** Site-wide view support that belongs to no business component: the error page. */
package dev.shortener.web;
