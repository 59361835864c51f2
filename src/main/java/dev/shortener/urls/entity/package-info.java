/** The data model: the {@link dev.shortener.urls.entity.Url} entity and its named queries. */
package dev.shortener.urls.entity;
