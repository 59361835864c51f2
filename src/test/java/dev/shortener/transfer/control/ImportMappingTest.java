package dev.shortener.transfer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportMappingTest {

  @Test
  void theHeaderNamesOtherShortenersUseAreRecognisedWhateverTheirCase() {
    ImportMapping mapping =
        ImportMapping.recognise(List.of("Long URL", "Custom-Slug", "notes", "Visits", "url"));
    assertEquals(Optional.of(0), mapping.column(ImportField.DESTINATION), "the first of two");
    assertEquals(Optional.of(1), mapping.column(ImportField.ALIAS));
    assertEquals(Optional.of(3), mapping.column(ImportField.CLICKS));
    assertEquals(Optional.empty(), mapping.column(ImportField.TITLE));
  }

  @Test
  void theAdminsChoiceReplacesOrRemovesAColumnAndLeavesTheRest() {
    ImportMapping chosen =
        ImportMapping.recognise(List.of("url", "title", "x"))
            .choose(Map.of("title", -1, "alias", 2), 3);
    assertEquals(Optional.of(0), chosen.column(ImportField.DESTINATION));
    assertEquals(Optional.empty(), chosen.column(ImportField.TITLE));
    assertEquals(Optional.of(2), chosen.column(ImportField.ALIAS));
  }

  @Test
  void aMappingWithoutDestinationOrWithAColumnTwiceOrOutOfRangeIsRefused() {
    ImportMapping recognised = ImportMapping.recognise(List.of("url", "title"));
    assertEquals(
        "Choose the column that holds the destination URL.",
        assertThrows(
                IllegalArgumentException.class,
                () -> recognised.choose(Map.of("destination", -1), 2))
            .getMessage());
    assertEquals(
        "Column 1 cannot be both Destination URL and Title.",
        assertThrows(IllegalArgumentException.class, () -> recognised.choose(Map.of("title", 0), 2))
            .getMessage());
    assertEquals(
        "There is no column 3.",
        assertThrows(IllegalArgumentException.class, () -> recognised.choose(Map.of("alias", 2), 2))
            .getMessage());
  }

  @Test
  void onlyMappableFieldsCanBeChosen() {
    ImportMapping chosen =
        ImportMapping.recognise(List.of("url", "x")).choose(Map.of("max_visits", 1), 2);
    assertEquals(Optional.empty(), chosen.column(ImportField.MAX_VISITS));
  }

  @Test
  void aShortRecordsMissingCellsAreEmpty() {
    Map<ImportField, String> values =
        ImportMapping.recognise(List.of("url", "title", "tags")).read(List.of("https://a.example"));
    assertEquals("https://a.example", values.get(ImportField.DESTINATION));
    assertEquals("", values.get(ImportField.TAGS));
  }

  @Test
  void theOwnExportIsKnownByItsExactHeader() {
    assertTrue(ImportMapping.isExport(LinkCsv.COLUMNS));
    assertFalse(ImportMapping.isExport(LinkCsv.COLUMNS.subList(1, LinkCsv.COLUMNS.size())));
  }
}
