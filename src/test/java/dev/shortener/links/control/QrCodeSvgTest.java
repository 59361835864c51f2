package dev.shortener.links.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrCodeSvgTest {

  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern PATH = Pattern.compile(" d=\"([^\"]*)\"");
  private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://localhost:8080/jR0w",
        "https://sho.rt/Z0E",
        "https://links.example.org/some/context/path/gB0NV05e",
        "https://例え.jp/ünï"
      })
  void readsBackAsTheText(String text) throws Exception {
    assertEquals(text, decode(QrCodeSvg.of(text)));
  }

  @Test
  void isOnePathOnAWhiteSquareWithAQuietZone() {
    String svg = QrCodeSvg.of("https://sho.rt/Z0E");
    assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
    assertEquals(1, svg.split("<path", -1).length - 1, "one path");
    boolean[][] modules = rasterize(svg);
    int size = modules.length;
    for (int i = 0; i < size; i++) {
      for (int border = 0; border < QrCodeSvg.QUIET_ZONE; border++) {
        assertTrue(!modules[border][i] && !modules[size - 1 - border][i], "row " + border);
        assertTrue(!modules[i][border] && !modules[i][size - 1 - border], "column " + border);
      }
    }
    assertTrue(modules[QrCodeSvg.QUIET_ZONE][QrCodeSvg.QUIET_ZONE], "a finder pattern's corner");
  }

  @Test
  void refusesTextNoQrCodeHolds() {
    assertThrows(IllegalArgumentException.class, () -> QrCodeSvg.of("x".repeat(8000)));
  }

  /** Reads the SVG the way a scanner would: drawn large, black on white, then decoded. */
  private static String decode(String svg) throws Exception {
    boolean[][] modules = rasterize(svg);
    int scale = 6;
    BufferedImage image =
        new BufferedImage(
            modules.length * scale, modules.length * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    for (int y = 0; y < modules.length; y++) {
      for (int x = 0; x < modules.length; x++) {
        if (modules[y][x]) {
          g.fillRect(x * scale, y * scale, scale, scale);
        }
      }
    }
    g.dispose();
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    return new QRCodeReader()
        .decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE))
        .getText();
  }

  /** A tiny rasterizer for exactly the path language {@link QrCodeSvg} writes: unit-high runs. */
  private static boolean[][] rasterize(String svg) {
    Matcher viewBox = VIEW_BOX.matcher(svg);
    assertTrue(viewBox.find(), svg);
    int size = Integer.parseInt(viewBox.group(1));
    assertEquals(size, Integer.parseInt(viewBox.group(2)), "square");
    Matcher path = PATH.matcher(svg);
    assertTrue(path.find(), svg);
    String data = path.group(1);
    assertTrue(data.replaceAll(RUN.pattern(), "").isEmpty(), "only runs in " + data);
    boolean[][] modules = new boolean[size][size];
    Matcher run = RUN.matcher(data);
    while (run.find()) {
      int x = Integer.parseInt(run.group(1));
      int y = Integer.parseInt(run.group(2));
      int width = Integer.parseInt(run.group(3));
      assertEquals(width, Integer.parseInt(run.group(4)), "closed run");
      for (int i = x; i < x + width; i++) {
        modules[y][i] = true;
      }
    }
    return modules;
  }
}
