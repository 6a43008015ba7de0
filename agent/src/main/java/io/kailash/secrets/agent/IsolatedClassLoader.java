package io.kailash.secrets.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the agent's implementation (its internal classes, Byte Buddy, Jackson, the AWS SDK, its own
 * copy of the api and SLF4J) from the {@code inst/} area of the agent jar, child-first, with the
 * platform class loader as parent.
 *
 * <p>Classes there are stored as {@code *.classdata}, so the system class loader, which also has
 * the agent jar on its path, can never load them, and class-path scanners never see them. With the
 * platform loader as parent, no application class (a different Jackson or Byte Buddy) can leak into
 * the agent, and no agent class into the application: no relocation is needed (the Elastic APM
 * agent's ShadedClassLoader works the same way).
 *
 * <p>Resource names stay as they are under {@code inst/} ({@code inst/META-INF/services/...}),
 * except that {@code X.class} is served from {@code inst/X.classdata}, so that tools which read
 * class files as resources (Byte Buddy's advice reader) work.
 */
final class IsolatedClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private static final String AREA = "inst/";

  private final JarFile jar;
  private final String jarUrl;
  private final ProtectionDomain protectionDomain;

  IsolatedClassLoader(Path agentJar, ClassLoader parent) throws IOException {
    super("kailash-secrets-agent", parent);
    this.jar = new JarFile(agentJar.toFile(), false);
    URL location = agentJar.toUri().toURL();
    this.jarUrl = "jar:" + location + "!/";
    this.protectionDomain =
        new ProtectionDomain(new CodeSource(location, (CodeSigner[]) null), null, this, null);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        JarEntry entry = name.startsWith("java.") ? null : jar.getJarEntry(classEntry(name));
        loaded = entry != null ? define(name, entry) : getParent().loadClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private Class<?> define(String name, JarEntry entry) throws ClassNotFoundException {
    byte[] bytes;
    try (InputStream in = jar.getInputStream(entry)) {
      bytes = read(in, entry.getSize());
    } catch (IOException e) {
      throw new ClassNotFoundException(name + " (unreadable in the agent jar)", e);
    }
    int dot = name.lastIndexOf('.');
    if (dot > 0) {
      String packageName = name.substring(0, dot);
      if (getDefinedPackage(packageName) == null) {
        try {
          definePackage(packageName, null, null, null, null, null, null, null);
        } catch (IllegalArgumentException definedConcurrently) {
          // Another thread defined it between the check and here: fine.
        }
      }
    }
    return defineClass(name, bytes, 0, bytes.length, protectionDomain);
  }

  /**
   * The entry's bytes in one array of the size its directory entry states: {@code readAllBytes}
   * grows and copies buffers, which was most of the agent's start-up allocation (and so of its
   * resident memory: every allocated byte is a fresh heap page until the first GC, issue 16).
   */
  private static byte[] read(InputStream in, long size) throws IOException {
    if (size < 0 || size > Integer.MAX_VALUE - 8) {
      return in.readAllBytes(); // size unknown
    }
    byte[] bytes = new byte[(int) size];
    int read = in.readNBytes(bytes, 0, bytes.length);
    if (read != bytes.length || in.read() != -1) {
      throw new IOException("the entry's size does not match its directory entry");
    }
    return bytes;
  }

  /** Child-first: the agent's own copy of a resource wins over the platform's. */
  @Override
  public URL getResource(String name) {
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
    all.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(all);
  }

  @Override
  protected URL findResource(String name) {
    String entryName = resourceEntry(name);
    if (jar.getJarEntry(entryName) == null) {
      return null;
    }
    try {
      return new URL(jarUrl + entryName);
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return url == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(url));
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    JarEntry entry = jar.getJarEntry(resourceEntry(name));
    if (entry == null) {
      return getParent().getResourceAsStream(name);
    }
    try {
      return jar.getInputStream(entry);
    } catch (IOException e) {
      return null;
    }
  }

  private static String classEntry(String className) {
    return AREA + className.replace('.', '/') + ".classdata";
  }

  private static String resourceEntry(String name) {
    String relative = name.startsWith("/") ? name.substring(1) : name;
    if (relative.endsWith(".class")) {
      return AREA + relative.substring(0, relative.length() - ".class".length()) + ".classdata";
    }
    return AREA + relative;
  }
}
