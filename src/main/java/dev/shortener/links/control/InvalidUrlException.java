package dev.shortener.links.control;

import jakarta.ejb.ApplicationException;

/**
 * A URL the shortener refuses, with a message meant for the person who typed it. Nothing is stored
 * when it is thrown.
 */
@ApplicationException(rollback = true)
public class InvalidUrlException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A refusal whose message is shown to the user as is. */
  public InvalidUrlException(String message) {
    super(message);
  }
}
