package io.kailash.it.apps.failclosed;

import java.lang.instrument.Instrumentation;

/** Another {@code -javaagent}, listed first, that loads a node class in its own premain. */
public final class EarlyLoaderAgent {

  private EarlyLoaderAgent() {}

  public static void premain(String className, Instrumentation instrumentation) throws Exception {
    Class.forName(className, false, ClassLoader.getSystemClassLoader());
  }
}
