package io.kailash.secrets.vault;

/**
 * No token at all: a local Vault Agent or Vault Proxy with auto-auth and {@code
 * use_auto_auth_token} adds its own token to each request it forwards. Requests still carry {@code
 * X-Vault-Request: true}, which such an agent requires.
 */
final class AgentAuth extends VaultAuth {

  @Override
  public String method() {
    return "agent";
  }

  @Override
  boolean canLogin() {
    return false;
  }

  @Override
  TokenLease login(VaultHttp http, long now) {
    return TokenLease.unmanaged(null);
  }

  @Override
  public String toString() {
    return "agent(no token: the Vault Agent's auto-auth token)";
  }
}
