package io.kailash.workflow;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Node types by name, so that a workflow can say {@code addNode("TokenGeneratorNode", ...)}.
 *
 * <p>A type is registered either as a class (its type name is the simple class name; each run
 * creates an instance through its public no-argument constructor) or as a name with a factory.
 * {@link #global()} is the registry a {@link WorkflowBuilder} uses unless given another; tests can
 * use a {@code new NodeRegistry()} of their own. Thread safe.
 */
public final class NodeRegistry {

  private static final NodeRegistry GLOBAL = new NodeRegistry();

  private final Map<String, Registration> types = new TreeMap<>();

  /** The registry shared by the whole application. */
  public static NodeRegistry global() {
    return GLOBAL;
  }

  /**
   * Registers {@code type} under its simple class name. Registering the same class again is a
   * no-op.
   *
   * @throws IllegalArgumentException if the class is abstract or has no public no-arg constructor
   * @throws IllegalStateException if another type already has that name
   */
  public NodeRegistry register(Class<? extends Node> type) {
    register(type.getSimpleName(), new Registration(type, factoryFor(type)));
    return this;
  }

  /**
   * Registers a type name with a factory that creates one node instance per run.
   *
   * @throws IllegalStateException if the name is already registered
   */
  public NodeRegistry register(String type, Supplier<? extends Node> factory) {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("A node type needs a non-blank name");
    }
    register(type, new Registration(null, Objects.requireNonNull(factory, "factory")));
    return this;
  }

  /** The factory registered for {@code type}, if any. */
  public synchronized Optional<Supplier<? extends Node>> factory(String type) {
    return Optional.ofNullable(types.get(type)).map(Registration::factory);
  }

  /** Every registered type name, sorted. */
  public synchronized List<String> knownTypes() {
    return List.copyOf(types.keySet());
  }

  /**
   * A factory that calls the public no-argument constructor of {@code type}; used for classes given
   * to {@link WorkflowBuilder#addNode(Class, String, Map)} directly.
   *
   * @throws IllegalArgumentException if the class is abstract or has no public no-arg constructor
   */
  public static Supplier<Node> factoryFor(Class<? extends Node> type) {
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new IllegalArgumentException(
          "Node class " + type.getName() + " is abstract; register a concrete subclass.");
    }
    Constructor<? extends Node> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          "Node class "
              + type.getName()
              + " needs a public no-argument constructor (a nested class must be static); or"
              + " register it with a factory: register(\"name\", () -> new ...).",
          e);
    }
    return () -> newInstance(constructor);
  }

  private static Node newInstance(Constructor<? extends Node> constructor) {
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "The constructor of " + constructor.getDeclaringClass().getName() + " failed",
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Cannot create " + constructor.getDeclaringClass().getName(), e);
    }
  }

  private synchronized void register(String name, Registration registration) {
    Registration existing = types.get(name);
    if (existing != null) {
      if (existing.nodeClass() != null && existing.nodeClass() == registration.nodeClass()) {
        return;
      }
      throw new IllegalStateException(
          "Node type '"
              + name
              + "' is already registered; register the new one under another name.");
    }
    types.put(name, registration);
  }

  /** A registered type: its factory, and its class when registered as a class. */
  private record Registration(Class<? extends Node> nodeClass, Supplier<? extends Node> factory) {}
}
