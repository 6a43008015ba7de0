package io.kailash.secrets.agent.internal.transform;

import io.kailash.agenttest.SampleNodes;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;

/**
 * Defines the sample node classes itself (child-first), passing their bytes through a transformer
 * first, as the JVM does for a real application class loader; everything else comes from the
 * parent, so the woven code sees the test's {@code AgentHandoff} and {@code SecretsBridge}.
 */
final class TransformingLoader extends ClassLoader {

  private final ClassFileTransformer transformer;

  TransformingLoader(ClassFileTransformer transformer) {
    super(TransformingLoader.class.getClassLoader());
    this.transformer = transformer;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      if (!name.startsWith(SampleNodes.class.getName() + "$")) {
        return super.loadClass(name, resolve);
      }
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        byte[] bytes = ClassBytes.of(getParent().loadClass(name));
        try {
          byte[] woven = transformer.transform(this, name.replace('.', '/'), null, null, bytes);
          bytes = woven == null ? bytes : woven;
        } catch (IllegalClassFormatException e) {
          throw new ClassNotFoundException(name, e);
        }
        loaded = defineClass(name, bytes, 0, bytes.length);
      }
      return loaded;
    }
  }
}
