package io.kailash.secrets.internal;

import io.kailash.secrets.SecretProvider;
import java.util.List;

/**
 * The pass-through part of a provider that wraps another (the cache, the resilience guard, the
 * start-up jitter): a wrapper is transparent in messages and audit records, so it answers with the
 * wrapped provider's name and provider names, and lists what the wrapped provider lists. Subclasses
 * add their behaviour to the reads, and may override {@link #listSecrets()} to add it there too.
 */
public abstract class ForwardingProvider implements SecretProvider {

  /** The wrapped provider. */
  protected final SecretProvider delegate;

  protected ForwardingProvider(SecretProvider delegate) {
    this.delegate = delegate;
  }

  /** The wrapped provider's name: the wrapper is transparent in messages. */
  @Override
  public final String name() {
    return delegate.name();
  }

  @Override
  public final List<String> providerNames() {
    return delegate.providerNames();
  }

  /** The wrapped provider's listing, as it is now. */
  @Override
  public List<String> listSecrets() {
    return delegate.listSecrets();
  }
}
