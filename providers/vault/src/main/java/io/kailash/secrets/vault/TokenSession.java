package io.kailash.secrets.vault;

import io.kailash.secrets.SecretBackendException;
import io.kailash.secrets.resilience.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a usable client token. There is no background thread: each request asks for the token, and
 * the lease is checked then against the {@link TimeSource}. From two thirds of the lease on, a
 * renewable token is renewed with {@code auth/token/renew-self}; one that is not renewable any more
 * (never was, Vault capped it at its max TTL, or renewal was refused) is replaced by a new login.
 *
 * <p>A transient renewal failure keeps the current token while its lease lasts, so a Vault hiccup
 * does not throw away a working token (spring-vault #222 used an expired one instead).
 */
final class TokenSession {

  private static final Logger log = LoggerFactory.getLogger(TokenSession.class);

  private final VaultAuth auth;
  private final VaultHttp http;
  private final TimeSource time;
  private TokenLease lease; // guarded by this

  TokenSession(VaultAuth auth, VaultHttp http, TimeSource time) {
    this.auth = auth;
    this.http = http;
    this.time = time;
  }

  /** A token to send now; logs in or renews first when due. */
  synchronized String token() {
    long now = time.nanoTime();
    if (lease == null || lease.expired(now)) {
      lease = login(now);
    } else if (lease.refreshDue(now)) {
      lease = lease.renewable() ? renewOrLogin(now) : login(now);
    }
    return lease.token();
  }

  /**
   * Called when Vault refused {@code token}: forgets it, so the next {@link #token()} logs in
   * again.
   *
   * @return whether a new login may help (never for a given static token)
   */
  synchronized boolean refused(String token) {
    if (!auth.canLogin()) {
      return false;
    }
    if (lease != null && lease.token().equals(token)) {
      log.info("Vault refused the current {} token; logging in again", auth.method());
      lease = null;
    }
    return true;
  }

  private TokenLease login(long now) {
    TokenLease fresh = auth.login(http, now);
    if (auth.canLogin()) {
      log.info(
          "Vault {} login succeeded; token lease {}s, renewable={}",
          auth.method(),
          fresh.lease().toSeconds(),
          fresh.renewable());
    }
    return fresh;
  }

  private TokenLease renewOrLogin(long now) {
    VaultRequest renew = VaultRequest.post("auth/token/renew-self", null);
    try {
      VaultResponse response = http.send(renew, lease.token());
      if (!response.isNotFound() && response.body().path("auth").isObject()) {
        TokenLease renewed = lease.renewed(response.body().path("auth"), now);
        log.debug(
            "Vault token renewed; lease {}s, renewable={}",
            renewed.lease().toSeconds(),
            renewed.renewable());
        return renewed;
      }
      log.info("Vault's renew-self answer has no auth object; logging in again");
    } catch (SecretBackendException e) {
      if (e.isTransient() && !lease.expired(now)) {
        log.warn("Vault token renewal failed ({}); keeping the token while it lasts", e.reason());
        return lease;
      }
      log.info("Vault token can no longer be renewed ({}); logging in again", e.reason());
    }
    return login(now);
  }
}
