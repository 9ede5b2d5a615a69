package dev.jmlebench.client;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A reply body written to a file as it arrives, up to a cap: memory holds one network buffer at a time however
 * large the body, and a body that declares or reaches more than the cap fails at once (its connection
 * dropped). An error reply's body is kept short and is not an error itself ({@code quietCap}): it is read for
 * its message.
 */
final class CappedFile implements HttpResponse.BodySubscriber<Long> {
  /** The body was larger than the cap. */
  static final class TooLarge extends IOException {
    TooLarge(long cap) {
      super("reply body larger than " + cap + " bytes");
    }
  }

  private final Path file;
  private final long cap;
  private final long declared;
  private final boolean quietCap;
  private final CompletableFuture<Long> result = new CompletableFuture<>();
  private FileChannel channel;
  private long size;
  private volatile Flow.Subscription subscription;

  /** @param quietCap whether a body over the cap is cut there (an error's message) rather than failed */
  CappedFile(Path file, long cap, long declaredLength, boolean quietCap) {
    this.file = file;
    this.cap = cap;
    this.declared = declaredLength;
    this.quietCap = quietCap;
  }

  @Override
  public CompletionStage<Long> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declared > cap && !quietCap) {
      s.cancel();
      result.completeExceptionally(new TooLarge(cap));
      return;
    }
    try {
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      s.cancel();
      result.completeExceptionally(e);
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    try {
      for (ByteBuffer b : buffers) {
        long room = cap - size;
        if (b.remaining() > room) {
          if (quietCap) {
            b.limit(b.position() + (int) room);
            write(b);
            finish();
          } else {
            fail(new TooLarge(cap));
          }
          subscription.cancel();
          return;
        }
        write(b);
      }
    } catch (IOException e) {
      subscription.cancel();
      fail(e);
    }
  }

  private void write(ByteBuffer b) throws IOException {
    while (b.hasRemaining()) {
      size += channel.write(b);
    }
  }

  @Override
  public void onError(Throwable t) {
    fail(t);
  }

  @Override
  public void onComplete() {
    finish();
  }

  private void finish() {
    try {
      close();
      result.complete(size);
    } catch (IOException e) {
      result.completeExceptionally(e);
    }
  }

  private void fail(Throwable t) {
    try {
      close();
    } catch (IOException ignored) {
      // the failure that brought us here is the one to report
    }
    result.completeExceptionally(t);
  }

  private void close() throws IOException {
    if (channel != null && channel.isOpen()) {
      channel.close();
    }
  }

  /** Stops reading: the connection is dropped and the body is never completed. */
  void abort() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    fail(new IOException("aborted"));
  }
}
