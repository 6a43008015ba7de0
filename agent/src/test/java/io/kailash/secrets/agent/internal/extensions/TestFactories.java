package io.kailash.secrets.agent.internal.extensions;

import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import java.util.List;
import java.util.Set;

/** Factories that the tests put into extension jars, sound and broken. */
public final class TestFactories {

  private TestFactories() {}

  /** A factory of the type its subclass names, whose provider knows no secret. */
  public abstract static class Typed implements SecretProviderFactory {
    private final String type;

    Typed(String type) {
      this.type = type;
    }

    @Override
    public String type() {
      return type;
    }

    @Override
    public Set<String> keys() {
      return Set.of("file");
    }

    @Override
    public SecretProvider create(ProviderSettings settings) {
      return new SecretProvider() {
        @Override
        public String getSecret(String name, String version) {
          throw new SecretNotFoundException(name);
        }

        @Override
        public List<String> listSecrets() {
          return List.of();
        }
      };
    }
  }

  public static final class Sound extends Typed {
    public Sound() {
      super("test-ext");
    }
  }

  public static final class OtherSound extends Typed {
    public OtherSound() {
      super("test-ext-two");
    }
  }

  public static final class BuiltInType extends Typed {
    public BuiltInType() {
      super("env");
    }
  }

  public static final class AgentKeyType extends Typed {
    public AgentKeyType() {
      super("cache");
    }
  }

  public static final class ThrowingConstructor extends Typed {
    public ThrowingConstructor() {
      super("test-throws");
      throw new IllegalStateException("cannot start");
    }
  }

  public static final class ThrowingType extends Typed {
    public ThrowingType() {
      super("test-throws");
    }

    @Override
    public String type() {
      throw new IllegalStateException("no type");
    }
  }

  /** Listed as a factory, but is none. */
  public static final class NotAFactory {}
}
