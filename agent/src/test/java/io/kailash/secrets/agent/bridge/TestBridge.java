package io.kailash.secrets.agent.bridge;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The agent's unit tests share one JVM, and the bridge can be installed once only: this installs a
 * delegate once, and each test chooses what it delegates to.
 */
public final class TestBridge {

  private static volatile Function<Object, Object> implementation = node -> null;
  private static volatile Function<Throwable, Object> faults = fault -> null;
  private static volatile Consumer<String[]> prefetcher = refs -> {};
  private static volatile ToIntFunction<Class<?>> declares = type -> -1;

  static {
    SecretsBridge.install(new Delegate(), fault -> faults.apply(fault));
  }

  private TestBridge() {}

  public static void use(Function<Object, Object> resolve, Function<Throwable, Object> onFault) {
    implementation = resolve;
    faults = onFault;
    prefetcher = refs -> {};
    declares = type -> -1;
  }

  /** What {@code SecretsBridge.declaresSecrets} answers. */
  public static void declaresSecrets(ToIntFunction<Class<?>> answer) {
    declares = answer;
  }

  public static void prefetchTo(Consumer<String[]> consumer) {
    prefetcher = consumer;
  }

  private static final class Delegate
      implements Function<Object, Object>, Consumer<String[]>, ToIntFunction<Class<?>> {
    @Override
    public int applyAsInt(Class<?> type) {
      return declares.applyAsInt(type);
    }

    @Override
    public Object apply(Object node) {
      return implementation.apply(node);
    }

    @Override
    public void accept(String[] refs) {
      prefetcher.accept(refs);
    }
  }
}
