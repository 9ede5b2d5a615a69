package dev.jmlebench.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible server on loopback that attacks its client: a body trickled byte by byte, a chunked
 * body that never ends, {@code Retry-After: 0} on every 429, error text and answers that echo the API key,
 * replies of many megabytes. Written on raw sockets so that each reply can be exactly as bad as wanted; the
 * friendly {@link dev.jmlebench.mock.MockServer} stays a model of a well-behaved provider.
 */
public final class HostileServer implements AutoCloseable {
  /** A request as the server read it. */
  public record Request(String method, String path, Map<String, String> headers, String body) {
    /** The bearer token sent, or null. */
    public String key() {
      String auth = headers.get("authorization");
      return auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : null;
    }
  }

  /** Writes the whole reply to one request; the connection is closed afterwards. */
  @FunctionalInterface
  public interface Behaviour {
    void reply(Request request, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket socket;
  private final Behaviour behaviour;
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private HostileServer(ServerSocket socket, Behaviour behaviour) {
    this.socket = socket;
    this.behaviour = behaviour;
  }

  public static HostileServer start(Behaviour behaviour) throws IOException {
    HostileServer s = new HostileServer(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()), behaviour);
    Thread accept = new Thread(s::acceptLoop, "hostile-accept");
    accept.setDaemon(true);
    accept.start();
    return s;
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1");
  }

  public int requests() {
    return requests.get();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "hostile-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      Request r = read(new BufferedInputStream(s.getInputStream()));
      if (r == null) {
        return;
      }
      requests.incrementAndGet();
      OutputStream out = s.getOutputStream();
      behaviour.reply(r, out);
      out.flush();
    } catch (IOException | InterruptedException e) {
      // the client hung up or the server is closing: either is what an attack expects
    } finally {
      open.remove(s);
    }
  }

  private static Request read(InputStream in) throws IOException {
    String start = line(in);
    if (start == null || start.isEmpty()) {
      return null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    String[] parts = start.split(" ");
    return new Request(parts[0], parts.length > 1 ? parts[1] : "", headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != -1; c = in.read()) {
      if (c == '\n') {
        return b.toString(StandardCharsets.ISO_8859_1).stripTrailing();
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  // ---- the attacks ------------------------------------------------------------------------------------------

  /** Writes a status line and headers; {@code body} null means the caller writes the body itself. */
  public static void head(OutputStream out, int status, Map<String, String> headers) throws IOException {
    StringBuilder b = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
    headers.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
    b.append("Connection: close\r\n\r\n");
    out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  public static void json(OutputStream out, int status, Map<String, String> headers, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put("Content-Type", "application/json");
    h.put("Content-Length", String.valueOf(bytes.length));
    head(out, status, h);
    out.write(bytes);
  }

  /** A chat completion whose message has this content and reasoning (either may be null). */
  public static String completion(String content, String reasoning, String finishReason) {
    return "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":" + quote(content)
        + ",\"reasoning\":" + quote(reasoning) + "},\"finish_reason\":" + quote(finishReason) + "}]}";
  }

  public static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** Headers at once, then a valid answer's body at one byte per {@code everyMillis}. */
  public static Behaviour tricklingBody(long everyMillis) {
    return (r, out) -> {
      byte[] body = completion("【回答】a", null, "stop").getBytes(StandardCharsets.UTF_8);
      head(out, 200, Map.of("Content-Type", "application/json", "Content-Length", String.valueOf(body.length)));
      for (byte b : body) {
        out.write(b);
        out.flush();
        Thread.sleep(everyMillis);
      }
    };
  }

  /** A chunked body that never ends: a space every 100 ms, forever. */
  public static Behaviour endlessChunkedBody() {
    return (r, out) -> {
      head(out, 200, Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"));
      out.write("1\r\n{\r\n".getBytes(StandardCharsets.US_ASCII));
      while (true) {
        out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(100);
      }
    };
  }

  /** A 200 whose body is {@code megabytes} MB of one JSON string, streamed (never held in memory here). */
  public static Behaviour hugeBody(int megabytes) {
    return (r, out) -> {
      String prefix = "{\"choices\":[{\"message\":{\"content\":\"";
      String suffix = "\"},\"finish_reason\":\"stop\"}]}";
      long n = (long) megabytes << 20;
      head(out, 200, Map.of("Content-Type", "application/json",
          "Content-Length", String.valueOf(prefix.length() + n + suffix.length())));
      out.write(prefix.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'x');
      for (long left = n; left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
      out.write(suffix.getBytes(StandardCharsets.US_ASCII));
    };
  }

  @Override
  public void close() throws IOException {
    closed = true;
    socket.close();
    for (Socket s : open) {
      s.close();
    }
  }
}
