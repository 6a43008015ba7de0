package io.kailash.secrets.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.kailash.testing.FakeTimeSource;
import io.kailash.testing.MapSecretProvider;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A cache hit allocates nothing: counted with the JVM's per-thread allocation counter. */
class HitPathAllocationTest {

  private static final int HITS = 200_000;

  @Test
  void aHitAllocatesNothing() {
    MapSecretProvider backend =
        new MapSecretProvider("vault").put("api-key", "k").put("api-key", "7", "k7");
    CachingSecretProvider cache =
        CachingSecretProvider.builder(backend).timeSource(new FakeTimeSource()).build();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    hit(cache); // loads both, then warms up

    long before = threads.getCurrentThreadAllocatedBytes();
    int length = hit(cache);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(length).isEqualTo(HITS * 3);
    // A few hundred bytes of slack for the measurement itself; one object per hit would be MBs.
    assertThat(allocated).isLessThan(HITS / 100);
    assertThat(backend.calls()).isEqualTo(2);
  }

  private static int hit(CachingSecretProvider cache) {
    int length = 0;
    for (int i = 0; i < HITS; i++) {
      length += cache.getSecret("api-key").length() + cache.getSecret("api-key", "7").length();
    }
    return length;
  }
}
