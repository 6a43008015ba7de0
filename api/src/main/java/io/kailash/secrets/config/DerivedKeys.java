package io.kailash.secrets.config;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The defaults of {@link SecretProviderFactory#keys()} and {@link
 * SecretProviderFactory#describedKeys()}: each is derived from the other, so that a factory
 * overrides either one. A factory that overrides neither would make them call each other forever;
 * while one of a factory's defaults runs, the other answers "no keys" instead.
 */
final class DerivedKeys {

  // An anonymous class, not ThreadLocal.withInitial(lambda): this runs in the agent's premain,
  // where a first lambda costs a bootstrap.
  private static final ThreadLocal<Set<SecretProviderFactory>> DERIVING =
      new ThreadLocal<>() {
        @Override
        protected Set<SecretProviderFactory> initialValue() {
          return Collections.newSetFromMap(new IdentityHashMap<>());
        }
      };

  private DerivedKeys() {}

  static Set<String> names(SecretProviderFactory factory) {
    Set<SecretProviderFactory> deriving = DERIVING.get();
    if (!deriving.add(factory)) {
      return Set.of();
    }
    try {
      return ConfigKey.names(factory.describedKeys());
    } finally {
      deriving.remove(factory);
    }
  }

  static List<ConfigKey> described(SecretProviderFactory factory) {
    Set<SecretProviderFactory> deriving = DERIVING.get();
    if (!deriving.add(factory)) {
      return List.of();
    }
    try {
      return new TreeSet<>(factory.keys())
          .stream().map(key -> ConfigKey.noDefault(key, "")).toList();
    } finally {
      deriving.remove(factory);
    }
  }
}
