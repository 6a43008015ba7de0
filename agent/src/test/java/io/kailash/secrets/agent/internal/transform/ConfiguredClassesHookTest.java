package io.kailash.secrets.agent.internal.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.agent.bridge.SecretsBridge;
import io.kailash.secrets.injection.AgentHandoff;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configured class names woven into the application's {@code AgentHandoff}: a configured class
 * and its subclasses declare secrets for the advice's first check, whatever their annotations.
 */
class ConfiguredClassesHookTest {

  private static final String INJECTION = "io.kailash.secrets.injection.";

  /** Stands for a third-party node class: no annotation. */
  public static class ThirdParty {}

  public static class Subclass extends ThirdParty {}

  public static class Unrelated {}

  /**
   * Defines the api's injection package itself (its classes share package-private members), with
   * AgentHandoff passed through the transformer as the JVM would; all else from the parent.
   */
  private static final class ApplicationLoader extends ClassLoader {
    private final SecretsTransformer transformer;

    ApplicationLoader(SecretsTransformer transformer) {
      super(ApplicationLoader.class.getClassLoader());
      this.transformer = transformer;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (!name.startsWith(INJECTION)) {
          return super.loadClass(name, resolve);
        }
        Class<?> loaded = findLoadedClass(name);
        if (loaded == null) {
          byte[] bytes = ClassBytes.of(getParent().loadClass(name));
          byte[] woven = transformer.transform(this, name.replace('.', '/'), null, null, bytes);
          bytes = woven == null ? bytes : woven;
          loaded = defineClass(name, bytes, 0, bytes.length);
        }
        return loaded;
      }
    }
  }

  private static boolean needsSecrets(ClassLoader application, Object node) throws Exception {
    Method needs =
        application
            .loadClass(INJECTION + "AgentHandoff")
            .getMethod("needsSecrets", Object.class, Map.class);
    try {
      return (Boolean) needs.invoke(null, node, Map.of());
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  @Test
  void aConfiguredClassAndItsSubclassesNeedSecretsOthersDoNot() throws Exception {
    TransformStats stats = new TransformStats();
    SecretsTransformer transformer =
        new SecretsTransformer(
            "io.kailash.workflow.Node",
            "run",
            SecretsBridge.class,
            stats,
            "com.acme.Elsewhere," + ThirdParty.class.getName());
    ClassLoader application = new ApplicationLoader(transformer);

    assertThat(needsSecrets(application, new ThirdParty())).isTrue();
    assertThat(needsSecrets(application, new Subclass())).isTrue();
    assertThat(needsSecrets(application, new Unrelated())).isFalse();
    assertThat(stats.errors()).isZero();
  }

  @Test
  void withoutTheAgentNoConfiguredClassIsKnown() {
    assertThat(AgentHandoff.needsSecrets(new ThirdParty(), Map.of())).isFalse();
  }
}
