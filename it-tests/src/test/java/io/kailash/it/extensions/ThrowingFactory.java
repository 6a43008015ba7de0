package io.kailash.it.extensions;

import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretProviderFactory;
import java.util.Set;

/**
 * A broken extension's factory: its constructor throws. The ITs put it into a jar of its own (it is
 * never loaded from the test application's class path).
 */
public final class ThrowingFactory implements SecretProviderFactory {

  public ThrowingFactory() {
    throw new IllegalStateException("this factory cannot be created");
  }

  @Override
  public String type() {
    return "throwing";
  }

  @Override
  public Set<String> keys() {
    return Set.of();
  }

  @Override
  public SecretProvider create(ProviderSettings settings) {
    throw new UnsupportedOperationException();
  }
}
