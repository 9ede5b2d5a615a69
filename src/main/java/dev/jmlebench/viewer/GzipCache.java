package dev.jmlebench.viewer;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Responses gzip-compressed once per body and then sent from memory to every browser that accepts gzip, the
 * least recently sent let go beyond a budget (a browser may read thousands of answers). A name whose body
 * changed (the folder changed) is compressed anew. Small bodies go as they are: below about a packet,
 * compressing saves nothing.
 */
final class GzipCache {
  private static final int MIN_SIZE = 1400;
  private static final long BUDGET = 32L << 20;

  /** A body and its compressed form. */
  private record Compressed(byte[] body, byte[] gzip) {}

  private final LinkedHashMap<String, Compressed> compressed = new LinkedHashMap<>(256, 0.75f, true);
  private long bytes;

  /** Sends {@code body}, compressed when the client accepts gzip. */
  void send(Context ctx, String name, String contentType, byte[] body) {
    ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
    ctx.contentType(contentType);
    String accepted = ctx.header(Header.ACCEPT_ENCODING);
    if (body.length < MIN_SIZE || accepted == null || !accepted.contains("gzip")) {
      ctx.result(body);
      return;
    }
    ctx.header(Header.CONTENT_ENCODING, "gzip");
    ctx.result(compressed(name, body));
  }

  private byte[] compressed(String name, byte[] body) {
    synchronized (this) {
      Compressed c = compressed.get(name);
      if (c != null && c.body() == body) {
        return c.gzip();
      }
    }
    byte[] gz = gzip(body);
    synchronized (this) {
      Compressed old = compressed.put(name, new Compressed(body, gz));
      bytes += gz.length - (old == null ? 0 : old.gzip().length);
      var eldest = compressed.values().iterator();
      while (bytes > BUDGET && eldest.hasNext()) {
        bytes -= eldest.next().gzip().length;
        eldest.remove();
      }
    }
    return gz;
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
