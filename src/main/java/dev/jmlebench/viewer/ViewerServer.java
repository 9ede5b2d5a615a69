package dev.jmlebench.viewer;

import dev.jmlebench.common.UserError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The viewer over HTTP. Routes: {@code /} the page, {@code /assets/NAME} its script and style,
 * {@code /api/KEY} the data ({@link ViewerApi}), {@code /images/NAME} a clinical image
 * ({@link DatasetImages}). Nothing else of the disk is reachable, and every response forbids the page to
 * run scripts or load anything from elsewhere, a second wall behind the escaping of model output.
 */
public final class ViewerServer implements AutoCloseable {
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Javalin app;

  private ViewerServer(Javalin app) {
    this.app = app;
  }

  /** Starts serving; {@code port} 0 picks a free port (see {@link #port()}). */
  public static ViewerServer start(ViewerApi api, String host, int port) {
    WebAssets assets = new WebAssets();
    DatasetImages images = new DatasetImages(api.data().dataset());
    quietServerLogs();
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      // A browser that has a page, script or document already asks again and gets "304 not modified".
      config.http.generateEtags = true;
      // Javalin would compress every response anew; the pages and documents never change, so each is
      // compressed once (GzipCache) and images, already compressed, are sent as they are.
      config.http.disableCompression();
    });
    GzipCache gzip = new GzipCache();
    app.before(ctx -> {
      ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      ctx.header("X-Content-Type-Options", "nosniff");
      ctx.header("Referrer-Policy", "no-referrer");
      // Revalidate, never reuse unasked: the next 'serve' may show other results with the same names.
      ctx.header("Cache-Control", "no-cache");
    });
    app.get("/", ctx -> gzip.send(ctx, "/", "text/html; charset=utf-8", assets.serverPage()));
    app.get("/assets/{name}", ctx -> {
      String name = ctx.pathParam("name");
      byte[] body = assets.asset(name);
      if (body == null) {
        ctx.status(HttpStatus.NOT_FOUND).result("not found");
        return;
      }
      gzip.send(ctx, "assets/" + name, WebAssets.ASSETS.get(name), body);
    });
    app.get("/api/<key>", ctx -> api.json(ctx.pathParam("key")).ifPresentOrElse(
        body -> gzip.send(ctx, "api/" + ctx.pathParam("key"), "application/json; charset=utf-8", body),
        () -> ctx.status(HttpStatus.NOT_FOUND).result("not found")));
    app.get("/images/{name}", ctx -> image(ctx, images));
    try {
      app.start(host, port);
    } catch (RuntimeException e) {
      app.stop();
      if (hasCause(e, BindException.class)) {
        throw new UserError("--port " + port + " on " + host + ": cannot listen there (in use, or not an "
            + "address of this machine); pass another --port or --host");
      }
      throw e;
    }
    return new ViewerServer(app);
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
  }

  private static void image(Context ctx, DatasetImages images) throws IOException {
    Path file = images.resolve(ctx.pathParam("name")).orElse(null);
    if (file == null) {
      ctx.status(HttpStatus.NOT_FOUND).result("not found");
      return;
    }
    ctx.header("Cache-Control", "max-age=3600");
    send(ctx, imageType(file), Files.readAllBytes(file));
  }

  static String imageType(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".png")) {
      return "image/png";
    }
    return name.endsWith(".jpg") || name.endsWith(".jpeg") ? "image/jpeg" : "application/octet-stream";
  }

  private static void send(Context ctx, String contentType, byte[] body) {
    ctx.contentType(contentType).result(body);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
