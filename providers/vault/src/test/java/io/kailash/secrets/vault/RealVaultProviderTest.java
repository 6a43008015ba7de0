package io.kailash.secrets.vault;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The provider contract against a real Vault (or OpenBao) when {@code VAULT_ADDR} and {@code
 * VAULT_TOKEN} are set; the token must be allowed to mount and unmount engines (a dev server's root
 * token is). Skipped, with the reason shown, otherwise.
 */
@EnabledIfEnvironmentVariable(
    named = "VAULT_ADDR",
    matches = ".+",
    disabledReason =
        "No real Vault: set VAULT_ADDR and VAULT_TOKEN (a token that may mount engines) to run the"
            + " Vault provider contract against one")
@EnabledIfEnvironmentVariable(
    named = "VAULT_TOKEN",
    matches = ".+",
    disabledReason = "No real Vault: VAULT_ADDR is set but VAULT_TOKEN is not")
class RealVaultProviderTest extends VaultProviderContract {

  @Override
  String url() {
    return System.getenv("VAULT_ADDR");
  }

  @Override
  String token() {
    return System.getenv("VAULT_TOKEN");
  }
}
