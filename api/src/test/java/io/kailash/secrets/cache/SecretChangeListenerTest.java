package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.secrets.SecretRef;
import io.kailash.secrets.testing.ManualExecutor;
import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 12: rotation without restart. Listeners and JMX hear a secret's name, never its value. */
class SecretChangeListenerTest {

  private static final String OLD = "old-p4ssword-value";
  private static final String NEW = "new-p4ssword-value";

  private final FakeTimeSource clock = new FakeTimeSource();
  private final ManualExecutor refreshes = new ManualExecutor();
  private final MapSecretProvider backend = new MapSecretProvider("vault").put("db/password", OLD);
  private final CachingSecretProvider cache =
      CachingSecretProvider.builder(backend)
          .ttl(Duration.ofMinutes(10))
          .refreshAhead(0.8)
          .jitter(0)
          .timeSource(clock)
          .refreshExecutor(refreshes)
          .build();
  private final List<SecretRef> changed = new CopyOnWriteArrayList<>();

  @AfterEach
  void unregister() {
    cache.unregisterMBean();
  }

  @Test
  void aRefreshThatBringsANewValueTellsTheListenerTheName() {
    cache.addChangeListener(changed::add);
    cache.getSecret("db/password");
    backend.put("db/password", NEW);

    clock.advance(Duration.ofMinutes(9));
    cache.getSecret("db/password");
    refreshes.runAll();

    assertThat(changed).containsExactly(SecretRef.current("db/password"));
    assertThat(cache.getSecret("db/password")).isEqualTo(NEW);
  }

  @Test
  void aReloadAfterExpiryWithANewValueIsAChangeToo() {
    cache.addChangeListener(changed::add);
    cache.getSecret("db/password");
    backend.put("db/password", NEW);

    clock.advance(Duration.ofMinutes(11));
    assertThat(cache.getSecret("db/password")).isEqualTo(NEW);

    assertThat(changed).containsExactly(SecretRef.current("db/password"));
  }

  @Test
  void theSameValueAgainOrAFirstLoadIsNoChange() {
    cache.addChangeListener(changed::add);
    cache.getSecret("db/password");
    clock.advance(Duration.ofMinutes(11));
    cache.getSecret("db/password");

    assertThat(changed).isEmpty();
  }

  @Test
  void aFailingListenerDoesNotFailTheLoadNorStopOthers() {
    cache.addChangeListener(
        secret -> {
          throw new IllegalStateException("pool is closed");
        });
    cache.addChangeListener(changed::add);
    cache.getSecret("db/password");
    backend.put("db/password", NEW);
    clock.advance(Duration.ofMinutes(11));

    assertThat(cache.getSecret("db/password")).isEqualTo(NEW);
    assertThat(changed).hasSize(1);
  }

  @Test
  void aRemovedListenerHearsNothing() {
    SecretChangeListener listener = changed::add;
    cache.addChangeListener(listener);
    cache.removeChangeListener(listener);
    cache.getSecret("db/password");
    backend.put("db/password", NEW);
    clock.advance(Duration.ofMinutes(11));
    cache.getSecret("db/password");

    assertThat(changed).isEmpty();
  }

  @Test
  void theMBeanSendsANotificationWithTheNameNeverTheValue() throws Exception {
    ObjectName name = cache.registerMBean().orElseThrow();
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    List<Notification> received = new CopyOnWriteArrayList<>();
    NotificationListener listener = (notification, handback) -> received.add(notification);
    server.addNotificationListener(name, listener, null, null);
    try {
      cache.getSecret("db/password");
      backend.put("db/password", NEW);
      clock.advance(Duration.ofMinutes(11));
      cache.getSecret("db/password");
    } finally {
      server.removeNotificationListener(name, listener);
    }

    assertThat(received).hasSize(1);
    Notification notification = received.get(0);
    assertThat(notification.getType()).isEqualTo("io.kailash.secrets.secret-changed");
    assertThat(notification.getUserData()).isEqualTo("db/password");
    assertThat(notification.getMessage()).contains("db/password").doesNotContain(OLD, NEW);
    assertThat(server.getMBeanInfo(name).getNotifications()).hasSize(1);
  }
}
