package io.kailash.secrets.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenLeaseTest {

  private static final long SECOND = 1_000_000_000L;

  private static JsonNode auth(String json) throws Exception {
    return VaultHttp.JSON.readTree(json);
  }

  @Test
  void refreshIsDueAtTwoThirdsAndExpiryAtTheEnd() throws Exception {
    TokenLease lease =
        TokenLease.fromLogin(
            auth("{\"client_token\":\"t\",\"lease_duration\":60,\"renewable\":true}"), 0);
    assertThat(lease.refreshDue(39 * SECOND)).isFalse();
    assertThat(lease.refreshDue(40 * SECOND)).isTrue();
    assertThat(lease.expired(59 * SECOND)).isFalse();
    assertThat(lease.expired(60 * SECOND)).isTrue();
  }

  @Test
  void aRenewalShorterThanTheGrantedLeaseWasCappedAndEndsRenewing() throws Exception {
    TokenLease lease =
        TokenLease.fromLogin(
            auth("{\"client_token\":\"t\",\"lease_duration\":60,\"renewable\":true}"), 0);
    TokenLease full = lease.renewed(auth("{\"lease_duration\":60,\"renewable\":true}"), 40);
    TokenLease capped = full.renewed(auth("{\"lease_duration\":30,\"renewable\":true}"), 80);

    assertThat(full.renewable()).isTrue();
    assertThat(capped.renewable()).isFalse();
    assertThat(capped.lease()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aGivenTokenNeverExpiresAndHidesItself() throws Exception {
    TokenLease lease = TokenLease.unmanaged("hvs.secret-token");
    assertThat(lease.refreshDue(Long.MAX_VALUE)).isFalse();
    assertThat(lease.expired(Long.MAX_VALUE)).isFalse();
    assertThat(lease.toString()).doesNotContain("hvs.secret-token");
    assertThat(TokenLease.fromLogin(auth("{\"lease_duration\":60}"), 0)).isNull();
  }
}
