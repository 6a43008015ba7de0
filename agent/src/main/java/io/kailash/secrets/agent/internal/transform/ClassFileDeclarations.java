package io.kailash.secrets.agent.internal.transform;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The {@code @SecretRequirement}s of each class of the base-type family as the transformer read
 * them from its class file ({@link AnnotationElements}), per class loader (held weakly). The
 * resolver asks here first and reads a class's annotations by reflection only when its class file
 * was never seen (a class loaded before the agent and not retransformed) or could not be read.
 */
public final class ClassFileDeclarations implements Function<Class<?>, List<DeclaredSecret>> {

  private final Map<ClassLoader, Map<String, List<DeclaredSecret>>> byLoader = new WeakHashMap<>();

  void record(ClassLoader loader, String internalName, List<DeclaredSecret> declared) {
    if (declared == null) {
      return; // unreadable here: the resolver reads it by reflection
    }
    Map<String, List<DeclaredSecret>> classes;
    synchronized (byLoader) { // get-then-put, not computeIfAbsent: no lambda on the start path
      classes = byLoader.get(loader);
      if (classes == null) {
        classes = new ConcurrentHashMap<>();
        byLoader.put(loader, classes);
      }
    }
    classes.put(internalName, declared.isEmpty() ? List.of() : List.copyOf(declared));
  }

  /**
   * The requirements {@code type} itself declares, as its class file states them; {@code null} when
   * its class file was not read here.
   */
  @Override
  public List<DeclaredSecret> apply(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    if (loader == null) {
      return null;
    }
    Map<String, List<DeclaredSecret>> classes;
    synchronized (byLoader) {
      classes = byLoader.get(loader);
    }
    return classes == null ? null : classes.get(type.getName().replace('.', '/'));
  }
}
