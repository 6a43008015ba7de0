package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretCacheJmxTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final MapSecretProvider backend =
      new MapSecretProvider("vault").put("api-key", "k").put("db/password", "p");
  private final CachingSecretProvider cache =
      CachingSecretProvider.builder(backend).timeSource(new FakeTimeSource()).build();
  private final CachingSecretProvider second =
      CachingSecretProvider.builder(backend).timeSource(new FakeTimeSource()).build();

  @AfterEach
  void unregister() {
    cache.unregisterMBean();
    second.unregisterMBean();
  }

  @Test
  void exposesTheCountersAsAttributes() throws Exception {
    ObjectName name = cache.registerMBean().orElseThrow();
    cache.getSecret("api-key");
    cache.getSecret("api-key");

    assertThat(name).isEqualTo(new ObjectName("io.kailash.secrets:type=SecretCache"));
    assertThat(server.getAttribute(name, "Hits")).isEqualTo(1L);
    assertThat(server.getAttribute(name, "Misses")).isEqualTo(1L);
    assertThat(server.getAttribute(name, "Loads")).isEqualTo(1L);
    assertThat(server.getAttribute(name, "Size")).isEqualTo(1);
    assertThat(server.getAttribute(name, "AverageLoadTimeMillis")).isInstanceOf(Double.class);
    for (String attribute :
        Set.of("LoadFailures", "StaleServes", "NegativeHits", "Evictions", "Rotations")) {
      assertThat(server.getAttribute(name, attribute)).as(attribute).isEqualTo(0L);
    }
  }

  @Test
  void invalidatesThroughTheJmxOperations() throws Exception {
    ObjectName name = cache.registerMBean().orElseThrow();
    cache.getSecret("api-key");
    cache.getSecret("db/password");

    server.invoke(name, "invalidate", new Object[] {"api-key"}, new String[] {"java.lang.String"});
    assertThat(cache.size()).isEqualTo(1);
    cache.getSecret("api-key");
    assertThat(backend.calls()).isEqualTo(3);

    server.invoke(name, "invalidateAll", new Object[0], new String[0]);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aSecondCacheGetsItsOwnNameAndUnregisteringFreesIt() throws Exception {
    ObjectName first = cache.registerMBean().orElseThrow();
    ObjectName other = second.registerMBean().orElseThrow();

    assertThat(other).isNotEqualTo(first);
    assertThat(other.getKeyProperty("type")).isEqualTo("SecretCache");
    second.getSecret("api-key");
    assertThat(server.getAttribute(other, "Misses")).isEqualTo(1L);
    assertThat(server.getAttribute(first, "Misses")).isEqualTo(0L);

    cache.unregisterMBean();
    assertThat(server.isRegistered(first)).isFalse();
  }
}
