package dev.shortener.links.control;

import java.util.regex.Pattern;
import org.hashids.Hashids;

/**
 * Turns row ids into short codes and back with Hashids, exactly as the Flask tutorial's {@code
 * hashids.encode(url.id)} does for the same salt and minimum length.
 *
 * <p>Codes use Hashids' default alphabet minus its separators {@code cfhistuCFHISTU}: a single id
 * is never encoded with a separator, which is why page names such as {@code stats} or {@code login}
 * can never be mistaken for a code.
 */
public final class ShortCodes {

  /** Returned by {@link #decode} for anything that is not a code this instance produced. */
  public static final long INVALID = -1;

  /** Longer than any code of a positive long id; longer input is refused before Hashids sees it. */
  private static final int MAX_CODE_LENGTH = 64;

  private static final Pattern ALPHANUMERIC = Pattern.compile("[0-9A-Za-z]+");

  private final Hashids hashids;
  private final String salt;
  private final int minLength;

  /** Codes for {@code salt}, at least {@code minLength} characters long. */
  public ShortCodes(String salt, int minLength) {
    this.hashids = new Hashids(salt, minLength);
    this.salt = salt;
    this.minLength = minLength;
  }

  /** The salt the codes are made with, which a backup must keep beside the database. */
  public String salt() {
    return salt;
  }

  /** The shortest code. */
  public int minLength() {
    return minLength;
  }

  /** The code of a row id. */
  public String encode(long id) {
    return hashids.encode(id);
  }

  /**
   * The row id of a code, or {@link #INVALID}. Only the canonical spelling decodes: Hashids accepts
   * some other strings for the same number, and a second address for one link would split its
   * clicks and its cache entries.
   */
  public long decode(String code) {
    if (code == null
        || code.isEmpty()
        || code.length() > MAX_CODE_LENGTH
        || !ALPHANUMERIC.matcher(code).matches()) {
      return INVALID;
    }
    long[] numbers;
    try {
      numbers = hashids.decode(code);
    } catch (RuntimeException malformed) {
      // Hashids throws on some strings built from its own alphabet (e.g. overflowing numbers).
      return INVALID;
    }
    if (numbers.length != 1 || numbers[0] < 1 || !code.equals(hashids.encode(numbers[0]))) {
      return INVALID;
    }
    return numbers[0];
  }
}
