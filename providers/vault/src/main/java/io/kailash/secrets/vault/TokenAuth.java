package io.kailash.secrets.vault;

/** A given client token, used until Vault refuses it. */
final class TokenAuth extends VaultAuth {

  private final String token;

  TokenAuth(String token) {
    this.token = require(token, "Vault token");
  }

  @Override
  public String method() {
    return "token";
  }

  @Override
  boolean canLogin() {
    return false;
  }

  @Override
  TokenLease login(VaultHttp http, long now) {
    return TokenLease.unmanaged(token);
  }

  @Override
  public String toString() {
    return "token(****)";
  }
}
