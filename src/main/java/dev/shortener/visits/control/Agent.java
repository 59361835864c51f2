package dev.shortener.visits.control;

import dev.shortener.visits.entity.VisitKind;

/**
 * What a visit's user agent says: browser, operating system, device class, and who it is.
 *
 * @param browser the browser's family as ua-parser names it ("Chrome", "Mobile Safari"), or null
 * @param os the operating system's family ("Windows", "iOS", "Android"), or null
 * @param device "Desktop", "Phone", "Tablet" or "Bot", or null when the user agent does not tell
 * @param kind a person, a bot or a link preview
 */
public record Agent(String browser, String os, String device, VisitKind kind) {}
