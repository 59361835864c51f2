package dev.shortener.links.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * Draws a QR code as a small SVG document: one square per module, merged into one {@code <path>} of
 * horizontal runs, on a white square with the quiet zone the QR specification asks for.
 *
 * <p>SVG rather than PNG because a short link's code is about 25 modules wide: the vector is a few
 * hundred bytes, stays sharp at any size on screen or in print, and needs no image library.
 */
public final class QrCodeSvg {

  /** Modules of white border around the code; scanners need four to find it. */
  static final int QUIET_ZONE = 4;

  /**
   * Level M survives about 15% damage (a smudged print, a logo sticker) and keeps a short link in a
   * small code; level L is ZXing's default and noticeably more fragile on paper.
   */
  private static final Map<EncodeHintType, Object> HINTS =
      Map.of(
          EncodeHintType.ERROR_CORRECTION,
          ErrorCorrectionLevel.M,
          EncodeHintType.CHARACTER_SET,
          "UTF-8",
          EncodeHintType.MARGIN,
          0);

  private QrCodeSvg() {}

  /**
   * The SVG of a QR code that reads as {@code text}.
   *
   * @throws IllegalArgumentException when {@code text} is too long for any QR code
   */
  public static String of(String text) {
    BitMatrix modules;
    try {
      // Width and height 0 ask for the bare matrix: one bit per module, nothing scaled.
      modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
    } catch (WriterException tooLong) {
      throw new IllegalArgumentException(
          "No QR code holds " + text.length() + " characters", tooLong);
    }
    int size = modules.getWidth() + 2 * QUIET_ZONE;
    StringBuilder svg = new StringBuilder(4096);
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(size)
        .append(' ')
        .append(size)
        .append("\" shape-rendering=\"crispEdges\">")
        // Always dark on white, also in dark mode: many scanners cannot read an inverted code.
        .append("<rect width=\"")
        .append(size)
        .append("\" height=\"")
        .append(size)
        .append("\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
    for (int y = 0; y < modules.getHeight(); y++) {
      int x = 0;
      while (x < modules.getWidth()) {
        if (!modules.get(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < modules.getWidth() && modules.get(x, y)) {
          x++;
        }
        int run = x - start;
        svg.append('M')
            .append(start + QUIET_ZONE)
            .append(' ')
            .append(y + QUIET_ZONE)
            .append('h')
            .append(run)
            .append("v1h-")
            .append(run)
            .append('z');
      }
    }
    return svg.append("\"/></svg>").toString();
  }
}
