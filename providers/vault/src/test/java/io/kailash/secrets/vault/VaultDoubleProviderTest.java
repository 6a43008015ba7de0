package io.kailash.secrets.vault;

import io.kailash.secrets.vault.testing.VaultApiDouble;

/** The provider contract against the in-process Vault API double. */
class VaultDoubleProviderTest extends VaultProviderContract {

  private final VaultApiDouble vault = VaultApiDouble.start();

  @Override
  String url() {
    return vault.url();
  }

  @Override
  String token() {
    return vault.rootToken();
  }

  @Override
  void stop() {
    vault.close();
  }
}
