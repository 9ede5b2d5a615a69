package dev.jmlebench.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP server that serves a folder as an upstream (or {@code JMLE_BENCH_MIRROR}) would, for the
 * download tests: {@code GET /mirror/{prefix}{path}} answers the folder's {@code path}; anything else, or a
 * file that is not there, is a 404. It records what was asked, and can be told to serve other bytes for a file
 * (a corrupt copy).
 *
 * <pre>{@code
 * LoopbackMirror mirror = LoopbackMirror.of(SharedData.root119()).withRanges().start();
 * ... mirror.url() ... mirror.requests() ...
 * mirror.close();
 * }</pre>
 */
public final class LoopbackMirror implements AutoCloseable {
  private static final String CONTEXT = "/mirror/";

  private final Path root;
  private final String prefix;
  private final boolean ranges;
  private final Map<String, byte[]> overrides = new ConcurrentHashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> rangeHeaders = Collections.synchronizedList(new ArrayList<>());
  private HttpServer server;

  private LoopbackMirror(Path root, String prefix, boolean ranges) {
    this.root = root.normalize();
    this.prefix = prefix;
    this.ranges = ranges;
  }

  /** A mirror of {@code root} laid out flat ({@code /mirror/{path}}), answering whole files only. */
  public static LoopbackMirror of(Path root) {
    return new LoopbackMirror(root, "", false);
  }

  /**
   * The same mirror, serving the folder under {@code prefix} only, as a mirror of every pinned upstream lays
   * one out: {@code owner/repo/commit/}.
   */
  public LoopbackMirror under(String prefix) {
    return new LoopbackMirror(root, prefix, ranges);
  }

  /** The same mirror, answering {@code Range: bytes=N-} with the rest of the file (206), as a resumed download asks. */
  public LoopbackMirror withRanges() {
    return new LoopbackMirror(root, prefix, true);
  }

  public LoopbackMirror start() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(CONTEXT, this::serve);
    server.start();
    return this;
  }

  /** {@code http://127.0.0.1:PORT}: the server, without the mirror's path (another path there is a 404). */
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The mirror's base URL, ending in {@code /}: {@code --source} for a flat mirror. */
  public String url() {
    return origin() + CONTEXT;
  }

  /** Serves {@code bytes} for the folder's {@code path} from now on (e.g. a corrupt copy). */
  public void serve(String path, byte[] bytes) {
    overrides.put(path, bytes.clone());
  }

  /** The paths asked for, as requested below {@code /mirror/} (the prefix included), in order. */
  public List<String> requests() {
    return requests;
  }

  /** The {@code Range} headers received, in order (with {@link #withRanges()}). */
  public List<String> rangeHeaders() {
    return rangeHeaders;
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    String requested = ex.getRequestURI().getPath().substring(CONTEXT.length());
    requests.add(requested);
    byte[] body = requested.startsWith(prefix) ? body(requested.substring(prefix.length())) : null;
    if (body == null) {
      ex.sendResponseHeaders(404, -1);
      ex.close();
      return;
    }
    String range = ex.getRequestHeaders().getFirst("Range");
    int status = 200;
    if (ranges && range != null) {
      rangeHeaders.add(range);
      body = Arrays.copyOfRange(body, Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1")), body.length);
      status = 206;
    }
    ex.sendResponseHeaders(status, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** The bytes of the folder's {@code path}: an override, else the file; null when there is none. */
  private byte[] body(String path) throws IOException {
    byte[] override = overrides.get(path);
    if (override != null) {
      return override;
    }
    Path file = root.resolve(path).normalize();
    return file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
  }
}
