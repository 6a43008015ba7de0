package io.kailash.secrets.vault;

import java.util.Map;

/** AppRole login: {@code POST auth/<mount>/login} with a role id and a secret id. */
final class AppRoleAuth extends LoginAuth {

  private final String roleId;
  private final String secretId;

  AppRoleAuth(String mount, String roleId, String secretId) {
    super(mount, "AppRole mount path");
    this.roleId = require(roleId, "AppRole role id");
    this.secretId = require(secretId, "AppRole secret id");
  }

  @Override
  public String method() {
    return "approle";
  }

  @Override
  Map<String, String> credentials(String provider) {
    return Map.of("role_id", roleId, "secret_id", secretId);
  }

  @Override
  String hint() {
    return "Check approle.role-id and approle.secret-id (a secret id may have expired or run out"
        + " of uses).";
  }

  @Override
  public String toString() {
    return "approle(mount=" + mount + ")";
  }
}
