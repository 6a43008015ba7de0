package io.kailash.it.apps;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Runs a Vault node twice (a cache miss, then a hit), then looks for the agent's MBeans in its own
 * platform MBean server, which the agent registers a moment after it started, and uses them.
 */
public final class JmxApp {

  private static final long WAIT_MILLIS = 30_000;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < 2; i++) {
      System.out.println("token=" + new AppNodes.ApiTokenNode().run(new HashMap<>()).get("token"));
    }
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    ObjectName cache = await(server, "io.kailash.secrets:type=SecretCache,*");
    if (cache == null) {
      System.out.println("cache-mbean=absent");
      return;
    }
    System.out.println("cache-mbean=found");
    System.out.println("hits=" + server.getAttribute(cache, "Hits"));
    server.invoke(cache, "invalidateAll", null, null);
    System.out.println("size-after-invalidateAll=" + server.getAttribute(cache, "Size"));
    ObjectName provider = await(server, "io.kailash.secrets:type=Provider,*");
    System.out.println("provider-mbean=" + (provider == null ? "absent" : "found"));
  }

  private static ObjectName await(MBeanServer server, String pattern) throws Exception {
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      Set<ObjectName> names = server.queryNames(new ObjectName(pattern), null);
      if (!names.isEmpty()) {
        return names.iterator().next();
      }
      Thread.sleep(50);
    }
    return null;
  }
}
