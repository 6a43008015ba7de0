package io.kailash.secrets.internal;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a limit. A larger body (by its {@code Content-Length}, or once more
 * bytes arrive than allowed) is abandoned: the subscription is cancelled, which closes the
 * connection, so a misbehaving server cannot make us buffer gigabytes. Used for Vault and for the
 * Secrets Manager Agent.
 */
public final class BoundedBodyHandler implements HttpResponse.BodyHandler<BoundedBodyHandler.Body> {

  /** The bytes read, or {@code tooLarge} with no bytes. */
  public record Body(byte[] bytes, boolean tooLarge) {
    static final Body TOO_LARGE = new Body(new byte[0], true);
  }

  private final int limit;

  public BoundedBodyHandler(int limit) {
    this.limit = limit;
  }

  @Override
  public BodySubscriber<Body> apply(ResponseInfo info) {
    long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
    return new Subscriber(limit, declared > limit);
  }

  private static final class Subscriber implements BodySubscriber<Body> {
    private final int limit;
    private final boolean rejectAtOnce;
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Subscriber(int limit, boolean rejectAtOnce) {
      this.limit = limit;
      this.rejectAtOnce = rejectAtOnce;
    }

    @Override
    public CompletionStage<Body> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
      subscription = newSubscription;
      if (rejectAtOnce) {
        abandon();
      } else {
        subscription.request(1);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return; // items already in flight when we cancelled
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > limit) {
          abandon();
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
      subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(new Body(bytes.toByteArray(), false));
    }

    private void abandon() {
      subscription.cancel();
      result.complete(Body.TOO_LARGE);
    }
  }
}
