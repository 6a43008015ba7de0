package io.kailash.secrets.internal;

import java.util.function.Supplier;

/**
 * A value made on first use, once however many threads ask (double-checked locking on a volatile
 * field). A creation that throws is not remembered: the next call tries again, so a client that
 * could not be built (an unreadable CA file, say) is built once the cause is fixed.
 *
 * <p>The creation is given to {@link #get}, not to the constructor: creating a lambda loads the
 * classes of its signature (LambdaMetafactory resolves its method type), so a {@code
 * Supplier<HttpClient>} made when the provider is built would load {@code java.net.http} at start,
 * which is what staying lazy avoids (StartupFootprintIT). At the call site it is made on first use.
 *
 * @param <T> the value
 */
public final class Lazy<T> {

  private volatile T value;

  /** The value, made by {@code create} if this is the first call (or every earlier one threw). */
  public T get(Supplier<? extends T> create) {
    T current = value;
    if (current == null) {
      synchronized (this) {
        current = value;
        if (current == null) {
          current = create.get();
          value = current;
        }
      }
    }
    return current;
  }
}
