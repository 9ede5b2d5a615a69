package dev.jmlebench.viewer;

import dev.jmlebench.common.Throwables;
import dev.jmlebench.common.UserError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The viewer over HTTP. Routes: {@code /} the page, {@code /assets/NAME} its script and style,
 * {@code /api/KEY} the data ({@link ViewerSite}), {@code /images/NAME} a clinical image
 * ({@link DatasetImages}). Nothing else of the disk is reachable, and every response, Jetty's own error
 * pages included, forbids the page to run scripts or load anything from elsewhere, a second wall behind the
 * escaping of model output. On loopback it answers only requests addressed to a loopback name, so that a
 * web page whose host name is re-pointed at 127.0.0.1 (DNS rebinding) cannot read the results.
 */
public final class ViewerServer implements AutoCloseable {
  /** Sent with every response. */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", WebAssets.HEADER_POLICY,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      // Revalidate, never reuse unasked: the next 'serve' may show other results with the same names.
      "Cache-Control", "no-cache");
  /** The names a browser uses for this machine's loopback address. */
  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  /** How long a refused request is told to wait before asking again. */
  static final String RETRY_AFTER_SECONDS = "1";

  private final Javalin app;
  private final DocumentWork work;

  private ViewerServer(Javalin app, DocumentWork work) {
    this.app = app;
    this.work = work;
  }

  /** Starts serving one exam's data; {@code port} 0 picks a free port (see {@link #port()}). */
  public static ViewerServer start(ViewerApi api, String host, int port) {
    return start(ViewerSite.of(api), host, port);
  }

  /** Starts serving a folder's exams as read once; {@code port} 0 picks a free port (see {@link #port()}). */
  public static ViewerServer start(ViewerSite site, String host, int port) {
    return start(site, host, port, new DocumentWork(DocumentWork.DEFAULT_THREADS, DocumentWork.DEFAULT_QUEUE));
  }

  /**
   * Starts serving a folder as it changes: each request is answered from the folder as last read, and
   * {@code /live} tells the pages when it changed and which runs are under way.
   */
  public static ViewerServer start(LiveFolder folder, String host, int port) {
    return start(folder::reading, folder::liveJson, host, port,
        new DocumentWork(DocumentWork.DEFAULT_THREADS, DocumentWork.DEFAULT_QUEUE));
  }

  /** As {@link #start(ViewerSite, String, int)}, building documents with {@code work}, which the server closes. */
  static ViewerServer start(ViewerSite site, String host, int port, DocumentWork work) {
    LiveFolder.Reading once = new LiveFolder.Reading(site, -1);
    return start(() -> once, null, host, port, work);
  }

  private static ViewerServer start(Supplier<LiveFolder.Reading> readings, Supplier<byte[]> live, String host,
      int port, DocumentWork work) {
    Supplier<ViewerSite> sites = () -> readings.get().site();
    WebAssets assets = new WebAssets();
    FirstPage firstPage = new FirstPage(assets);
    Images images = new Images(sites);
    quietServerLogs();
    if (port != 0) {
      // Javalin logs a failure to bind as an ERROR line of its own before it throws: found out first, the user
      // reads only the one line below (the check after start stays for a port taken in between).
      checkCanListen(host, port);
    }
    boolean loopbackOnly = isLoopback(host);
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.jetty.modifyServer(server -> server.setErrorHandler(new HeaderedErrorPages()));
      config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new HeaderedErrorPages()));
      // A browser that has a page, script or document already asks again and gets "304 not modified".
      config.http.generateEtags = true;
      // Javalin would compress every response anew; the pages and documents never change, so each is
      // compressed once (GzipCache) and images, already compressed, are sent as they are.
      config.http.disableCompression();
    });
    GzipCache gzip = new GzipCache();
    app.before(ctx -> {
      SECURITY_HEADERS.forEach(ctx::header);
      if (loopbackOnly && !isLoopbackName(ctx.header("Host"))) {
        ctx.status(HttpStatus.FORBIDDEN)
            .result("this viewer answers only to localhost, 127.0.0.1 and [::1] (serve --host opens it)");
        ctx.skipRemainingHandlers();
      }
    });
    app.get("/", ctx -> gzip.send(ctx, "/", "text/html; charset=utf-8", firstPage.of(readings.get())));
    app.get("/assets/{name}", ctx -> {
      String name = ctx.pathParam("name");
      byte[] body = assets.asset(name);
      if (body == null) {
        ctx.status(HttpStatus.NOT_FOUND).result("not found");
        return;
      }
      gzip.send(ctx, "assets/" + name, WebAssets.ASSETS.get(name), body);
    });
    app.get("/api/<key>", ctx -> {
      ViewerSite site = sites.get();
      if (site == null) {
        // Not one file read yet (serve reads its folder after it starts listening): /live says how far it is.
        ctx.header("Retry-After", RETRY_AFTER_SECONDS).status(HttpStatus.SERVICE_UNAVAILABLE)
            .result("reading the results folder; ask again in a moment");
        return;
      }
      data(ctx, site, work, gzip);
    });
    if (live != null) {
      app.get("/live", ctx -> ctx.contentType("application/json; charset=utf-8").result(live.get()));
    }
    app.get("/images/{name}", ctx -> image(ctx, images.of(sites.get())));
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      app.stop();
      work.close();
      if (Throwables.hasCause(e, BindException.class)) {
        throw cannotListen(host, port);
      }
      throw e;
    }
    return new ViewerServer(app, work);
  }

  /**
   * The page with the index of one reading of the folder in it, made once per reading: the same bytes each time,
   * so that {@link GzipCache} compresses them once.
   */
  private static final class FirstPage {
    private final WebAssets assets;
    private LiveFolder.Reading madeFor;
    private byte[] page;

    FirstPage(WebAssets assets) {
      this.assets = assets;
    }

    synchronized byte[] of(LiveFolder.Reading reading) {
      if (!reading.equals(madeFor)) { // the same site and generation: the same page
        byte[] index = reading.site() == null ? null : reading.site().json("index").orElseThrow();
        page = assets.serverPage(index, reading.generation());
        madeFor = reading;
      }
      return page;
    }
  }

  /**
   * A document: sent at once when it is built (the index and the models always are), else built by
   * {@code work} while this request waits without holding one of the web server's threads; refused with 503
   * and {@code Retry-After} when that work's queue is full, so that no flood of requests for documents to build
   * can keep the index from answering.
   */
  private static void data(Context ctx, ViewerSite site, DocumentWork work, GzipCache gzip) {
    String key = ctx.pathParam("key");
    if (site.ready(key)) {
      sendData(ctx, key, site.json(key), gzip);
      return;
    }
    var building = work.submit(key, () -> site.json(key));
    if (building.isEmpty()) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS).status(HttpStatus.SERVICE_UNAVAILABLE)
          .result("busy building other documents; ask again in a moment");
      return;
    }
    ctx.future(() -> building.get().thenAccept(body -> sendData(ctx, key, body, gzip)));
  }

  private static void sendData(Context ctx, String key, java.util.Optional<byte[]> body, GzipCache gzip) {
    body.ifPresentOrElse(
        b -> gzip.send(ctx, "api/" + key, "application/json; charset=utf-8", b),
        () -> ctx.status(HttpStatus.NOT_FOUND).result("not found"));
  }

  /**
   * Binds {@code host:port} for a moment, as Jetty will: a port in use is the user's one line, nothing more;
   * {@code serve} asks before it reads the folder, so the answer comes at once.
   */
  public static void checkCanListen(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
    } catch (IOException | IllegalArgumentException e) {
      throw cannotListen(host, port);
    }
  }

  private static UserError cannotListen(String host, int port) {
    return new UserError("--port " + port + " on " + host + ": cannot listen there (in use, or not an "
        + "address of this machine); pass another --port or --host");
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false; // then starting fails and says so
    }
  }

  /** Whether a Host header names loopback: {@code localhost}, {@code 127.0.0.1} or {@code [::1]}, any port. */
  static boolean isLoopbackName(String hostHeader) {
    if (hostHeader == null) {
      return false;
    }
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    int colon = host.lastIndexOf(':');
    if (colon > host.lastIndexOf(']')) {
      host = host.substring(0, colon);
    }
    return LOOPBACK_NAMES.contains(host);
  }

  /** Jetty answers some bad requests itself (a malformed path, say): with the same headers as ours. */
  private static final class HeaderedErrorPages extends ErrorHandler {
    HeaderedErrorPages() {
      setShowServlet(false);
      setShowStacks(false);
      setCacheControl(SECURITY_HEADERS.get("Cache-Control"));
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
        throws IOException, ServletException {
      SECURITY_HEADERS.forEach(response::setHeader);
      super.handle(target, base, request, response);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
      SECURITY_HEADERS.forEach(fields::put);
      return super.badMessageError(status, reason, fields);
    }
  }

  /** The command prints where the viewer is; the web server's start-up chatter would bury that line. */
  private static void quietServerLogs() {
    for (String logger : new String[] {"io.javalin", "org.eclipse.jetty"}) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    work.close();
  }

  /** The clinical images of the site shown, found again only when the site was read again. */
  private static final class Images {
    private ViewerSite site;
    private List<DatasetImages> images;

    Images(Supplier<ViewerSite> sites) {
      of(sites.get());
    }

    synchronized List<DatasetImages> of(ViewerSite now) {
      if (now != site) {
        site = now;
        images = now == null ? List.of() : now.images();
      }
      return images;
    }
  }

  private static void image(Context ctx, List<DatasetImages> images) throws IOException {
    String name = ctx.pathParam("name");
    Path file = images.stream().flatMap(i -> i.resolve(name).stream()).findFirst().orElse(null);
    if (file == null) {
      ctx.status(HttpStatus.NOT_FOUND).result("not found");
      return;
    }
    ctx.header("Cache-Control", "max-age=3600");
    send(ctx, imageType(file), Files.readAllBytes(file));
  }

  static String imageType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".png")) {
      return "image/png";
    }
    return name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : "application/octet-stream";
  }

  private static void send(Context ctx, String contentType, byte[] body) {
    ctx.contentType(contentType).result(body);
  }

}
