package io.kailash.secrets.vault.testing;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What the double was asked, and how many requests it answered at once. */
final class RequestLog {

  private final TokenRegistry tokens;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  RequestLog(TokenRegistry tokens) {
    this.tokens = tokens;
  }

  /** Records a request that starts being answered; pair with {@link #finished()}. */
  void started(HttpExchange exchange, String relativePath) {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
    String accessor = token == null ? null : tokens.accessorOf(token);
    requests.add(
        new RecordedRequest(
            exchange.getRequestMethod(),
            relativePath,
            exchange.getRequestURI().getRawQuery(),
            exchange.getRequestHeaders().getFirst("X-Vault-Namespace"),
            token != null && accessor == null ? "unknown" : accessor,
            "true".equals(exchange.getRequestHeaders().getFirst("X-Vault-Request"))));
  }

  void finished() {
    inFlight.decrementAndGet();
  }

  List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  void clear() {
    requests.clear();
    maxInFlight.set(0);
  }
}
