package io.kailash.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterHeaderTest {

  private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");

  private static Optional<Duration> parse(String value) {
    return RetryAfterHeader.parse(Optional.ofNullable(value), NOW);
  }

  @Test
  void secondsAndHttpDatesAreRead() {
    assertThat(parse("7")).contains(Duration.ofSeconds(7));
    assertThat(parse("Mon, 30 Nov 2026 05:00:12 GMT")).contains(Duration.ofSeconds(12));
  }

  @Test
  void aDateInThePastMeansNoWait() {
    assertThat(parse("Mon, 30 Nov 2026 04:00:00 GMT")).contains(Duration.ZERO);
  }

  @Test
  void absentOrUnreadableValuesAreIgnored() {
    assertThat(parse(null)).isEmpty();
    assertThat(parse(" ")).isEmpty();
    assertThat(parse("soon")).isEmpty();
    assertThat(parse("-3")).isEmpty();
  }

  @Test
  void absurdWaitsAreCappedAtAnHour() {
    assertThat(parse("99999999999")).contains(Duration.ofHours(1));
    assertThat(parse("86400")).contains(Duration.ofHours(1));
  }
}
