package io.kailash.it.apps.failclosed;

import io.kailash.workflow.Node;
import java.io.File;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates and runs a node in one deployment shape (the first argument) and prints {@code
 * shape=<what its run returned>} or {@code shape=refused <exception>: <message>}. A node's body
 * prints "body ran" first, so a test sees whether it ran.
 */
public final class FailClosedApp {

  private FailClosedApp() {}

  public static void main(String[] args) throws Exception {
    String shape = args[0];
    String name = args.length > 1 ? args[1] : null;
    String outcome;
    try {
      Object node =
          switch (shape) {
            case "early" -> new EarlyNode();
            case "bytes" -> fromBytes();
            case "hidden" -> hidden();
            case "named" -> Class.forName(name).getConstructor().newInstance();
            case "loader" -> isolatedLoader(name);
            default -> throw new IllegalArgumentException(shape);
          };
      outcome = run(node);
    } catch (InvocationTargetException e) {
      outcome = refused(e.getCause());
    } catch (RuntimeException e) {
      outcome = refused(e);
    }
    System.out.println(shape + "=" + outcome);
  }

  private static String refused(Throwable e) {
    return "refused " + e.getClass().getName() + ": " + e.getMessage();
  }

  /** Through reflection: a node from another class loader is no {@code Node} of ours. */
  private static String run(Object node) throws Exception {
    Method run = node.getClass().getMethod("run", Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) run.invoke(node, new HashMap<>());
    return String.valueOf(result.get("token"));
  }

  /** Both the annotated base and the node defined from bytes; neither is a resource. */
  private static Object fromBytes() throws Exception {
    BytesLoader loader = new BytesLoader();
    loader.define(BytesBase.class.getName());
    return loader.define(BytesNode.class.getName()).getConstructor().newInstance();
  }

  private static Object hidden() throws Exception {
    byte[] bytes = classFile(HiddenNode.class.getName());
    Class<?> type = MethodHandles.lookup().defineHiddenClass(bytes, true).lookupClass();
    return type.getConstructor().newInstance();
  }

  /** A loader whose parent is the platform loader: it cannot see the agent's bridge. */
  private static Object isolatedLoader(String className) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.contains("kailash-secrets.jar")) {
        urls.add(new File(entry).toURI().toURL());
      }
    }
    ClassLoader loader =
        new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    Class<?> type = Class.forName(className, true, loader);
    if (Node.class.isAssignableFrom(type)) {
      throw new AssertionError("expected a Node class of another loader");
    }
    return type.getConstructor().newInstance();
  }

  static byte[] classFile(String className) throws Exception {
    try (InputStream in =
        FailClosedApp.class
            .getClassLoader()
            .getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }

  /** Defines classes from bytes and offers no resources, as generated-code loaders do. */
  private static final class BytesLoader extends ClassLoader {
    BytesLoader() {
      super(FailClosedApp.class.getClassLoader());
    }

    Class<?> define(String name) throws Exception {
      byte[] bytes = classFile(name);
      return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public URL getResource(String name) {
      return null;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
      return null;
    }
  }
}
