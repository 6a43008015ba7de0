package io.kailash.secrets.agent.internal.providers;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.SecretNotFoundException;
import io.kailash.secrets.SecretProvider;
import io.kailash.secrets.SecretRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Gives a provider the name its configuration gives it ({@code gcp-eu} for {@code gcp-eu.type =
 * gcp}) when its factory did not: an extension's factory that ignores {@link
 * io.kailash.secrets.config.ProviderSettings#prefix()} still answers to its instance's name in the
 * chain's {@code providersTried}, audit records, the resilience layer's messages and its MBean. The
 * failures it throws under its own name are thrown again under the instance's (reason, detail,
 * cause and {@code Retry-After} kept); text inside a provider's own detail stays as written.
 */
public final class InstanceNamedProvider implements SecretProvider {

  private final SecretProvider delegate;
  private final String name;

  private InstanceNamedProvider(SecretProvider delegate, String name) {
    this.delegate = delegate;
    this.name = name;
  }

  /** {@code provider} itself when it already has the name {@code name}, else the renamed view. */
  public static SecretProvider named(SecretProvider provider, String name) {
    return provider.name().equals(name) ? provider : new InstanceNamedProvider(provider, name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String getSecret(String secretName, String version) {
    try {
      return delegate.getSecret(secretName, version);
    } catch (SecretBackendException failure) {
      throw renamed(failure);
    } catch (SecretNotFoundException absent) {
      throw renamed(absent);
    }
  }

  @Override
  public List<String> listSecrets() {
    try {
      return delegate.listSecrets();
    } catch (SecretBackendException failure) {
      throw renamed(failure);
    }
  }

  @Override
  public Map<SecretRef, String> getSecretValues(Collection<SecretRef> refs) {
    try {
      return delegate.getSecretValues(refs);
    } catch (SecretBackendException failure) {
      throw renamed(failure);
    } catch (SecretNotFoundException absent) {
      throw renamed(absent);
    }
  }

  private SecretBackendException renamed(SecretBackendException failure) {
    if (!delegate.name().equals(failure.provider())) {
      return failure; // not the delegate's own (a provider it asks in turn): keep it
    }
    SecretBackendException renamed =
        new SecretBackendException(
            name, failure.secretName(), failure.reason(), failure.detail(), failure.getCause());
    failure.retryAfter().ifPresent(renamed::retryAfter);
    return renamed;
  }

  private SecretNotFoundException renamed(SecretNotFoundException absent) {
    List<String> tried = new ArrayList<>(absent.providersTried());
    tried.replaceAll(provider -> provider.equals(delegate.name()) ? name : provider);
    return absent.providersTried().equals(tried) ? absent : absent.withProvidersTried(tried);
  }

  @Override
  public String toString() {
    return name; // not the delegate's: an extension's toString is not ours to vouch for
  }
}
