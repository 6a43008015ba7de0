package io.kailash.secrets.agent.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.EnvironmentSecretProvider;
import io.kailash.secrets.cache.CachingSecretProvider;
import io.kailash.secrets.resilience.ResilientSecretProvider;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class MBeanPublisherTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  @Test
  void hasNothingToPublishWithoutCacheOrResilience() {
    assertThat(new MBeanPublisher().hasMBeans()).isFalse();
  }

  @Test
  void registersTheCacheAndTheResilienceLayer() throws Exception {
    ResilientSecretProvider resilient =
        ResilientSecretProvider.builder(
                new EnvironmentSecretProvider("T_", Map.of("T_KEY", "v4lue")))
            .build();
    CachingSecretProvider cache = CachingSecretProvider.builder(resilient).build();
    MBeanPublisher publisher = new MBeanPublisher();
    publisher.resilience(resilient);
    publisher.cache(cache);

    publisher.publishNow();
    try {
      assertThat(publisher.hasMBeans()).isTrue();
      assertThat(server.queryNames(new ObjectName("io.kailash.secrets:type=SecretCache,*"), null))
          .hasSize(1);
      assertThat(server.queryNames(new ObjectName("io.kailash.secrets:type=Provider,*"), null))
          .hasSize(1);
    } finally {
      cache.unregisterMBean();
      resilient.unregisterMBean();
    }
  }
}
