package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.hashids.Hashids;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShortCodesTest {

  /** Vectors from the Python Hashids test suite (hashids-python, test_hashids.py). */
  @ParameterizedTest
  @CsvSource({"12345, j0gW", "1, jR", "22, Lw", "333, Z0E", "9999, w0rR"})
  void matchesPythonHashidsWithTheDefaultSalt(long id, String code) {
    ShortCodes codes = new ShortCodes("", 0);
    assertEquals(code, codes.encode(id));
    assertEquals(id, codes.decode(code));
  }

  @Test
  void matchesPythonHashidsWithAMinimumLength() {
    ShortCodes codes = new ShortCodes("", 25);
    assertEquals("Nz7x3VXyMYerRmWeOBQn6LlRG", codes.encode(6097));
    assertEquals(6097, codes.decode("Nz7x3VXyMYerRmWeOBQn6LlRG"));
  }

  /** The library under the codes agrees with the Python suite's salted vectors as well. */
  @Test
  void libraryMatchesPythonHashidsWithASalt() {
    Hashids hashids = new Hashids("Arbitrary string");
    assertEquals("QWyf8yboH7KT2", hashids.encode(683, 94108, 123, 5));
    assertEquals("neHrCa", hashids.encode(1, 2, 3));
    assertEquals("JOMh1", hashids.encode(99, 25));
  }

  /** Vectors from the Hashids JavaScript documentation. */
  @Test
  void matchesJavaScriptHashidsWithSaltAndMinimumLength() {
    assertEquals("NkK9", new ShortCodes("this is my salt", 0).encode(12345));
    assertEquals("gB0NV05e", new ShortCodes("this is my salt", 8).encode(1));
  }

  @Test
  void honoursTheTutorialsMinimumLengthOfFour() {
    ShortCodes codes = new ShortCodes("some salt", 4);
    for (long id = 1; id < 2_000; id++) {
      String code = codes.encode(id);
      assertFalse(code.length() < 4, code);
      assertEquals(id, codes.decode(code));
    }
  }

  @Test
  void differentSaltsGiveDifferentCodes() {
    assertFalse(new ShortCodes("one", 4).encode(42).equals(new ShortCodes("two", 4).encode(42)));
  }

  @Test
  void codesNeverContainHashidsSeparatorsSoPageNamesCannotCollide() {
    ShortCodes codes = new ShortCodes("any salt", 4);
    for (long id = 1; id < 200_000; id += 7) {
      assertFalse(codes.encode(id).matches(".*[cfhistuCFHISTU].*"), codes.encode(id));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "stats",
        "login",
        "health",
        "metrics",
        "openapi",
        "index",
        "a-b",
        "abc!",
        "ÿÿÿÿ",
        "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",
        "ZZZZZZZZZZZZZZZZZZZZ",
        "0000"
      })
  void refusesWhatItDidNotProduce(String code) {
    assertEquals(ShortCodes.INVALID, new ShortCodes("salt", 4).decode(code));
  }

  @Test
  void refusesNull() {
    assertEquals(ShortCodes.INVALID, new ShortCodes("salt", 4).decode(null));
  }

  /** Python suite's test_only_one_valid: a changed last character must not decode. */
  @Test
  void acceptsOnlyTheCanonicalSpelling() {
    ShortCodes codes = new ShortCodes("", 6);
    String code = codes.encode(1);
    assertEquals(ShortCodes.INVALID, codes.decode(code.substring(0, code.length() - 1) + "0"));
  }

  @Test
  void refusesCodesOfSeveralNumbers() {
    String pair = new Hashids("salt", 4).encode(1, 2);
    assertEquals(ShortCodes.INVALID, new ShortCodes("salt", 4).decode(pair));
  }

  @Test
  void aCodeOfSixtyFourCharactersIsStillLookedAtButNotOneMore() {
    ShortCodes codes = new ShortCodes("salt", 64);
    String longest = codes.encode(1);
    assertEquals(64, longest.length());
    assertEquals(1, codes.decode(longest));
    assertEquals(ShortCodes.INVALID, codes.decode(longest + "a"));
  }
}
