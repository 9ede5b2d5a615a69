import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CI's stand-in for raw GitHub: serves a folder laid out as {owner}/{repo}/{commit}/{path} over HTTP on
 * 127.0.0.1 (any free port, printed as the first line). Run as a single-file program: java .ci/Mirror.java DIR
 */
public class Mirror {
  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", ex -> {
      String path = URI.create(ex.getRequestURI().getRawPath()).getPath();
      Path file = root.resolve(path.substring(1)).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        ex.sendResponseHeaders(404, -1);
        ex.close();
        return;
      }
      ex.sendResponseHeaders(200, Files.size(file));
      try (OutputStream out = ex.getResponseBody()) {
        Files.copy(file, out);
      }
    });
    server.start();
    System.out.println(server.getAddress().getPort());
    System.out.flush();
  }
}
