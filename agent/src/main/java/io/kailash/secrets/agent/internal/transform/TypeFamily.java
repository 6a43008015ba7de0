package io.kailash.secrets.agent.internal.transform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a class belongs to the {@code instrument.base-type} family: it is the base type
 * or extends/implements it, directly or through any supertype.
 *
 * <p>The walk reads supertypes' class files as resources of the defining loader and skims them
 * ({@link ClassFileSkimmer}), so no class is loaded and no Byte Buddy type is built. Answers are
 * cached per (class loader, class name); the loaders are held weakly so that an undeployed
 * application's loader can be collected.
 */
final class TypeFamily {

  private static final int MAX_DEPTH = 64;

  private final String baseType;
  private final String method;
  private final Map<ClassLoader, Map<String, Boolean>> answers = new WeakHashMap<>();

  /**
   * @param baseType internal name of the base type, e.g. {@code io/kailash/workflow/Node}
   * @param method the instrumented method's name (only used to skim supertypes consistently)
   */
  TypeFamily(String baseType, String method) {
    this.baseType = baseType;
    this.method = method;
  }

  /** Whether the class described by {@code facts}, being defined by {@code loader}, is a member. */
  boolean isMember(ClassLoader loader, ClassFacts facts) {
    Map<String, Boolean> known = answersFor(loader);
    boolean member = facts.name().equals(baseType) || anySupertypeIsMember(loader, facts, 0);
    known.put(facts.name(), member);
    return member;
  }

  private boolean isMember(ClassLoader loader, String name, int depth) {
    if (name.equals(baseType)) {
      return true;
    }
    if (IgnoredNames.isJdk(name) || depth > MAX_DEPTH) {
      return false;
    }
    Map<String, Boolean> known = answersFor(loader);
    Boolean cached = known.get(name);
    if (cached != null) {
      return cached;
    }
    ClassFacts facts = read(loader, name);
    boolean member =
        facts == null
            ? loadedClassIsMember(loader, name)
            : anySupertypeIsMember(loader, facts, depth + 1);
    known.put(name, member);
    return member;
  }

  private boolean anySupertypeIsMember(ClassLoader loader, ClassFacts facts, int depth) {
    if (facts.superName() != null && isMember(loader, facts.superName(), depth)) {
      return true;
    }
    for (String type : facts.interfaces()) {
      if (isMember(loader, type, depth)) {
        return true;
      }
    }
    return false;
  }

  /**
   * For a supertype whose class file is no resource (defined from bytes by its loader, e.g. by a
   * scripting engine or a proxy generator): it is necessarily loaded already, so ask the class.
   */
  private boolean loadedClassIsMember(ClassLoader loader, String name) {
    Class<?> type;
    try {
      type = Class.forName(name.replace('/', '.'), false, loader);
    } catch (ClassNotFoundException | LinkageError notThere) {
      return false;
    }
    return extendsBaseType(type);
  }

  private boolean extendsBaseType(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (c.getName().replace('.', '/').equals(baseType)) {
        return true;
      }
      for (Class<?> implemented : c.getInterfaces()) {
        if (extendsBaseType(implemented)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The supertype's facts, or {@code null} when its class file cannot be read. */
  private ClassFacts read(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name + ".class")) {
      return in == null ? null : ClassFileSkimmer.skim(in.readAllBytes(), method);
    } catch (IOException e) {
      return null;
    }
  }

  private Map<String, Boolean> answersFor(ClassLoader loader) {
    synchronized (answers) { // get-then-put, not computeIfAbsent: no lambda on the start path
      Map<String, Boolean> known = answers.get(loader);
      if (known == null) {
        known = new ConcurrentHashMap<>();
        answers.put(loader, known);
      }
      return known;
    }
  }
}
