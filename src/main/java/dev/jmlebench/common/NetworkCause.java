package dev.jmlebench.common;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * The true cause of a failed connection, in words. java.net.http reports an unknown host as a
 * {@link ConnectException} with no message (the cause says it), so the cause chain is read before the class.
 */
public final class NetworkCause {
  private NetworkCause() {}

  /** "unknown host api.example.com", "connection refused", "connection timed out", or the exception in short. */
  public static String describe(Throwable e, String host) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host " + host + " (no DNS answer: check the name and the network)";
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpConnectTimeoutException || t instanceof SocketTimeoutException) {
        return "connection timed out";
      }
      if (t instanceof NoRouteToHostException) {
        return "no route to host " + host;
      }
      if (t instanceof ConnectException) {
        return "connection refused";
      }
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : " " + m);
  }
}
