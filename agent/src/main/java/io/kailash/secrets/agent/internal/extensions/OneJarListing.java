package io.kailash.secrets.agent.internal.extensions;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A view of the extensions' class loader in which {@code ServiceLoader} finds one jar's listing
 * only: {@code SecretProviderFactories.load(view)} then loads exactly the factories that jar lists
 * (defined by the shared extensions loader, which it delegates to), so a failure is that jar's.
 */
final class OneJarListing extends ClassLoader {

  private final URL listing;

  OneJarListing(ExtensionJar jar, ClassLoader extensions) {
    super("kailash-secrets-extension-listing", extensions);
    this.listing = jar.listingUrl();
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    if (name.equals(ExtensionJar.LISTING)) {
      return Collections.enumeration(List.of(listing));
    }
    return super.getResources(name);
  }
}
