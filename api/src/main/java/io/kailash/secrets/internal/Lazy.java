package io.kailash.secrets.internal;

import java.util.function.Supplier;

/**
 * A value made on first use, once however many threads ask (double-checked locking on a volatile
 * field). A creation that throws is not remembered: the next call tries again, so a client that
 * could not be built (an unreadable CA file, say) is built once the cause is fixed.
 *
 * @param <T> the value
 */
public final class Lazy<T> {

  private final Supplier<T> create;
  private volatile T value;

  public Lazy(Supplier<T> create) {
    this.create = create;
  }

  public T get() {
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
