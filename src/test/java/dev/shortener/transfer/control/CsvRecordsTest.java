package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.transfer.control.CsvRecords.CsvException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  private static List<List<String>> all(String text) throws IOException {
    List<List<String>> records = new ArrayList<>();
    try (CsvRecords csv = new CsvRecords(new StringReader(text))) {
      for (List<String> record = csv.next(); record != null; record = csv.next()) {
        records.add(record);
      }
    }
    return records;
  }

  @Test
  void quotedValuesKeepCommasDoubledQuotesAndLineBreaks() throws IOException {
    assertEquals(
        List.of(List.of("a", "b,c", "say \"hi\"", "two\nlines", ""), List.of("x", "", "y")),
        all("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\nx,,y"));
  }

  @Test
  void crlfLfAndALastLineWithoutBreakEndRecordsAlike() throws IOException {
    assertEquals(List.of(List.of("1"), List.of("2"), List.of("3")), all("1\r\n2\n3"));
    assertEquals(List.of(List.of("1"), List.of("2")), all("1\r2\r\n"));
  }

  @Test
  void aByteOrderMarkAndBlankLinesAreNoData() throws IOException {
    assertEquals(
        List.of(List.of("url"), List.of("https://a.example")),
        all("\uFEFFurl\r\n\r\n\nhttps://a.example\n\n"));
    assertEquals(List.of(), all(""));
  }

  @Test
  void eachRecordKnowsTheLineItBeganOnAcrossBreaksInsideQuotes() throws IOException {
    try (CsvRecords csv = new CsvRecords(new StringReader("h\n\"a\nb\nc\"\n\nlast\n"))) {
      csv.next();
      assertEquals(1, csv.line());
      assertEquals(List.of("a\nb\nc"), csv.next());
      assertEquals(2, csv.line());
      assertEquals(List.of("last"), csv.next());
      assertEquals(6, csv.line());
      assertNull(csv.next());
    }
  }

  @Test
  void theExportsFormulaGuardIsTakenOff() throws IOException {
    assertEquals(List.of(List.of("=SUM(A1)", "'plain", "''+1")), all("'=SUM(A1),'plain,'''+1"));
  }

  @Test
  void aQuoteThatNeverClosesIsRefusedWithItsLine() {
    CsvException refused =
        assertThrows(CsvException.class, () -> all("url\nhttps://a.example\n\"open,\nno end"));
    assertTrue(refused.getMessage().startsWith("Line 3:"), refused.getMessage());
  }

  @Test
  void aValueOrARecordTooLargeIsRefusedNotRead() {
    String longCell = "x".repeat(CsvRecords.MAX_CELL + 1);
    assertTrue(
        assertThrows(CsvException.class, () -> all("a\n" + longCell))
            .getMessage()
            .contains("longer than"));
    assertEquals(1, assertDoesNotThrowAll("x".repeat(CsvRecords.MAX_CELL)).size());
    String wide = ",".repeat(CsvRecords.MAX_CELLS);
    assertTrue(
        assertThrows(CsvException.class, () -> all(wide)).getMessage().contains("more than"));
    assertEquals(
        CsvRecords.MAX_CELLS,
        assertDoesNotThrowAll(",".repeat(CsvRecords.MAX_CELLS - 1)).get(0).size());
  }

  private static List<List<String>> assertDoesNotThrowAll(String text) {
    try {
      return all(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
