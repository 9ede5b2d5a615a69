package dev.jmlebench.viewer;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * Responses that never change during a server's life, gzip-compressed once per name and then sent from
 * memory to every browser that accepts gzip. Small bodies go as they are: below about a packet,
 * compressing saves nothing.
 */
final class GzipCache {
  private static final int MIN_SIZE = 1400;

  private final Map<String, byte[]> compressed = new ConcurrentHashMap<>();

  /** Sends {@code body}, compressed when the client accepts gzip; {@code name} must always mean the same body. */
  void send(Context ctx, String name, String contentType, byte[] body) {
    ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
    ctx.contentType(contentType);
    String accepted = ctx.header(Header.ACCEPT_ENCODING);
    if (body.length < MIN_SIZE || accepted == null || !accepted.contains("gzip")) {
      ctx.result(body);
      return;
    }
    ctx.header(Header.CONTENT_ENCODING, "gzip");
    ctx.result(compressed.computeIfAbsent(name, n -> gzip(body)));
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
