package dev.jmlebench.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A reply body read into memory up to a cap: a body that declares or reaches more fails at once and its
 * connection is dropped, so a run holds at most {@code parallel × cap} bytes of replies however large the
 * server makes them. {@link #abort()} drops the connection of a body still arriving when the time is up.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
  /** The body was larger than the cap. */
  static final class TooLarge extends IOException {
    TooLarge(long cap) {
      super("reply body larger than " + cap + " bytes (--max-body-mb)");
    }
  }

  private final long cap;
  private final long declared;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<byte[]> parts = new ArrayList<>();
  private long size;
  private volatile Flow.Subscription subscription;

  CappedBody(long cap, long declaredLength) {
    this.cap = cap;
    this.declared = declaredLength;
  }

  static HttpResponse.BodyHandler<byte[]> handler(long cap, java.util.function.Consumer<CappedBody> created) {
    return info -> {
      CappedBody b = new CappedBody(cap, info.headers().firstValueAsLong("content-length").orElse(-1));
      created.accept(b);
      return b;
    };
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel(); // aborted before the body began
    } else if (declared > cap) {
      s.cancel();
      result.completeExceptionally(new TooLarge(cap));
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      size += b.remaining();
      if (size > cap) {
        parts.clear();
        subscription.cancel();
        result.completeExceptionally(new TooLarge(cap));
        return;
      }
      byte[] bytes = new byte[b.remaining()];
      b.get(bytes);
      parts.add(bytes);
    }
  }

  @Override
  public void onError(Throwable t) {
    parts.clear();
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    byte[] all = new byte[(int) size];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    parts.clear();
    result.complete(all);
  }

  /** Stops reading: the connection is dropped and the body is never completed. */
  void abort() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    result.cancel(false);
  }
}
