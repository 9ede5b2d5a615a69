package dev.jmlebench.results;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Serialises a JSON tree byte for byte as Python's {@code json.dump(obj, f, ensure_ascii=False, indent=2)}
 * does, so that a published result file read and written back is unchanged: {@code ": "} after keys,
 * empty containers as {@code []}/{@code {}}, only {@code "}, {@code \} and control characters escaped
 * (lower-case hex), floats in Python's shortest {@code repr}, no trailing newline.
 */
public final class PythonJson {
  private static final String INDENT = "  ";
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonJson() {}

  public static byte[] toBytes(JsonNode node) {
    return toString(node).getBytes(StandardCharsets.UTF_8);
  }

  public static String toString(JsonNode node) {
    StringBuilder sb = new StringBuilder(1 << 16);
    write(node, sb, 0);
    return sb.toString();
  }

  /**
   * Writes the object {@code root} to {@code out} as {@link #toBytes} would, except that its array {@code field}
   * (present in {@code root}, where it stands, with any content) is written from {@code elements}, one at a time:
   * only one element is held as text at once, so a file of any size is written in the memory of its largest
   * element.
   */
  public static void write(JsonNode root, String field, Iterator<? extends JsonNode> elements, Writer out)
      throws IOException {
    StringBuilder sb = new StringBuilder(1 << 16);
    if (root.isEmpty()) {
      out.write("{}");
      return;
    }
    sb.append('{');
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      sb.append(first ? "\n" : ",\n");
      first = false;
      indent(sb, 1);
      quote(e.getKey(), sb);
      sb.append(": ");
      if (!e.getKey().equals(field)) {
        write(e.getValue(), sb, 1);
        continue;
      }
      if (!elements.hasNext()) {
        sb.append("[]");
        continue;
      }
      sb.append('[');
      boolean firstElement = true;
      while (elements.hasNext()) {
        sb.append(firstElement ? "\n" : ",\n");
        firstElement = false;
        indent(sb, 2);
        write(elements.next(), sb, 2);
        flush(sb, out);
      }
      sb.append('\n');
      indent(sb, 1);
      sb.append(']');
    }
    sb.append('\n').append('}');
    flush(sb, out);
  }

  private static void flush(StringBuilder sb, Writer out) throws IOException {
    char[] chunk = new char[Math.min(sb.length(), 1 << 14)];
    for (int at = 0; at < sb.length(); at += chunk.length) {
      int n = Math.min(chunk.length, sb.length() - at);
      sb.getChars(at, at + n, chunk, 0);
      out.write(chunk, 0, n);
    }
    sb.setLength(0);
    if (sb.capacity() > 1 << 20) {
      sb.trimToSize(); // one element's megabytes are not held on for the next
    }
  }

  private static void write(JsonNode node, StringBuilder sb, int depth) {
    switch (node.getNodeType()) {
      case OBJECT -> writeObject(node, sb, depth);
      case ARRAY -> writeArray(node, sb, depth);
      case STRING -> quote(node.textValue(), sb);
      case BOOLEAN -> sb.append(node.booleanValue() ? "true" : "false");
      case NULL, MISSING -> sb.append("null");
      case NUMBER -> {
        if (node.canConvertToLong() && node.isIntegralNumber()) {
          sb.append(node.longValue());
        } else if (node.isIntegralNumber()) {
          sb.append(node.bigIntegerValue());
        } else {
          sb.append(floatRepr(node.doubleValue()));
        }
      }
      default -> throw new IllegalArgumentException("cannot write JSON node " + node.getNodeType());
    }
  }

  private static void writeObject(JsonNode node, StringBuilder sb, int depth) {
    if (node.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append('{');
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    boolean first = true;
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      sb.append(first ? "\n" : ",\n");
      first = false;
      indent(sb, depth + 1);
      quote(e.getKey(), sb);
      sb.append(": ");
      write(e.getValue(), sb, depth + 1);
    }
    sb.append('\n');
    indent(sb, depth);
    sb.append('}');
  }

  private static void writeArray(JsonNode node, StringBuilder sb, int depth) {
    if (node.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append('[');
    boolean first = true;
    for (JsonNode e : node) {
      sb.append(first ? "\n" : ",\n");
      first = false;
      indent(sb, depth + 1);
      write(e, sb, depth + 1);
    }
    sb.append('\n');
    indent(sb, depth);
    sb.append(']');
  }

  private static void indent(StringBuilder sb, int depth) {
    for (int i = 0; i < depth; i++) {
      sb.append(INDENT);
    }
  }

  static void quote(String s, StringBuilder sb) {
    sb.append('"');
    int run = 0; // start of the current run of characters that need no escape, appended in one call
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      sb.append(s, run, i);
      run = i + 1;
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          sb.append("\\u00");
          sb.append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
      }
    }
    sb.append(s, run, s.length());
    sb.append('"');
  }

  /**
   * Python's {@code repr(float)}: the shortest digits that round-trip, in fixed notation when the decimal
   * exponent is in [-4, 16), else as {@code 1.5e-05}; whole numbers keep {@code .0}. Non-finite values are
   * written as Python writes them ({@code NaN}, {@code Infinity}).
   */
  public static String floatRepr(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0.0" : "0.0";
    }
    BigDecimal shortest = new BigDecimal(NumberOutput.toString(v, true)).stripTrailingZeros();
    String digits = shortest.unscaledValue().abs().toString();
    int decpt = digits.length() - shortest.scale(); // position of the point relative to the digits
    StringBuilder sb = new StringBuilder();
    if (v < 0) {
      sb.append('-');
    }
    if (decpt <= -4 || decpt > 16) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      int exp = decpt - 1;
      sb.append('e').append(exp < 0 ? '-' : '+');
      String e = Integer.toString(Math.abs(exp));
      if (e.length() < 2) {
        sb.append('0');
      }
      sb.append(e);
    } else if (decpt <= 0) {
      sb.append("0.");
      sb.append("0".repeat(-decpt));
      sb.append(digits);
    } else if (decpt >= digits.length()) {
      sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
    } else {
      sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
    }
    return sb.toString();
  }
}
