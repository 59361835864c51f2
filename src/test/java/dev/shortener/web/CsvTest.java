package dev.shortener.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  private static String row(String first, String... cells) throws IOException {
    StringWriter out = new StringWriter();
    Csv.first(out, first);
    for (String cell : cells) {
      Csv.cell(out, cell);
    }
    return out.toString();
  }

  @Test
  void plainValuesAreWrittenAsTheyAre() throws IOException {
    assertEquals("a,b c,", row("a", "b c", null));
    assertEquals(",", row("", ""));
  }

  @Test
  void commasQuotesAndLineBreaksAreQuoted() throws IOException {
    assertEquals(
        "\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"x\ry\"", row("a,b", "say \"hi\"", "x\ny", "x\ry"));
  }

  @Test
  void aFormulaIsWrittenAsText() throws IOException {
    assertEquals("'=1+1,'+1,'-1,'@SUM(A1)", row("=1+1", "+1", "-1", "@SUM(A1)"));
    assertEquals("\"'=a,b\"", row("=a,b"));
    assertEquals("x=1", row("x=1"));
  }

  @Test
  void anApostropheBeforeAFormulaIsGuardedTooSoThatReadingBackIsExact() throws IOException {
    assertEquals("'''=x,'x", row("''=x", "'x"));
    for (String value : List.of("=1+1", "'=x", "''-1", "'x", "x", "'", "-")) {
      assertEquals(value, Csv.unguarded(row(value)), value);
    }
  }
}
