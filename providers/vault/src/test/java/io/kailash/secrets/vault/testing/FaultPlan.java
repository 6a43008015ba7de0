package io.kailash.secrets.vault.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/** The faults still to inject, each for the next N requests whose path starts with a prefix. */
final class FaultPlan {

  private static final class Entry {
    final String pathPrefix;
    final VaultFault fault;
    int remaining;

    Entry(String pathPrefix, VaultFault fault, int remaining) {
      this.pathPrefix = pathPrefix;
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  synchronized void add(String pathPrefix, int count, VaultFault fault) {
    entries.add(new Entry(pathPrefix, fault, count));
  }

  synchronized void clear() {
    entries.clear();
  }

  /** Takes the first fault planned for {@code path}, or null. */
  synchronized VaultFault next(String path) {
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (path.startsWith(entry.pathPrefix)) {
        if (--entry.remaining <= 0) {
          it.remove();
        }
        return entry.fault;
      }
    }
    return null;
  }

  /**
   * Answers with {@code fault}.
   *
   * @return false when the request should still get its normal answer (after a delay)
   */
  static boolean apply(VaultFault fault, HttpExchange exchange)
      throws IOException, InterruptedException {
    switch (fault.kind()) {
      case DELAY -> {
        Thread.sleep(fault.delay().toMillis());
        return false;
      }
      case STATUS -> {
        String[] errors = fault.errors().toArray(String[]::new);
        if (fault.status() == 429) {
          exchange.getResponseHeaders().set("Retry-After", "1");
        } else if (errors.length == 1 && errors[0].startsWith("retry-after:")) {
          exchange.getResponseHeaders().set("Retry-After", errors[0].substring(12));
          errors = new String[] {"Vault is sealed"};
        }
        VaultReply.errors(exchange, fault.status(), errors);
      }
      case STALL_BODY -> {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 1000);
        OutputStream out = exchange.getResponseBody();
        out.write("{\"data\":{\"data\":".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(fault.delay().toMillis());
      }
      case REDIRECT -> {
        exchange.getResponseHeaders().set("Location", "http://127.0.0.1:1/v1/elsewhere");
        exchange.sendResponseHeaders(307, -1);
      }
      case MALFORMED_JSON ->
          VaultReply.bytes(
              exchange,
              200,
              ("{\"data\":{\"data\":{\"value\":" + VaultFault.MALFORMED_MARKER + "}")
                  .getBytes(StandardCharsets.UTF_8));
      case HUGE_BODY -> hugeBody(fault, exchange);
      case DROP_CONNECTION -> {
        // Nothing: the caller closes the exchange unanswered, which closes the connection.
      }
    }
    return true;
  }

  private static void hugeBody(VaultFault fault, HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, fault.declareLength() ? fault.bodyBytes() : 0);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, (byte) ' ');
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < fault.bodyBytes(); sent += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, fault.bodyBytes() - sent));
      }
    } catch (IOException clientGaveUp) {
      // expected: the client stops reading past its limit
    }
  }
}
