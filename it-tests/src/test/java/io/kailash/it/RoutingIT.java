package io.kailash.it;

import io.kailash.it.apps.failclosed.RoutingApp;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent resolves only for classes it wove, each node instance with its own class's secrets. */
class RoutingIT {

  private static final String TOKEN = "tok-r0ut1ng-it-secret";
  private static final String DB_PASSWORD = "pw-r0ut1ng-it-secret";

  static List<Jdk> jdks() {
    return Jdk.forTests();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void eachInstanceGetsItsOwnClassesSecretsAndTheBridgeAnswersNoStranger(Jdk jdk) throws Exception {
    jdk.assumePresent();
    ForkedJvm.of(jdk, RoutingApp.class)
        .env("KAILASH_SECRET_API_TOKEN", TOKEN)
        .env("KAILASH_SECRET_DB_PASSWORD", DB_PASSWORD)
        .agent("")
        .run()
        .assertClean(
            List.of("sub-key=injected", "base-key=injected", "base-db=absent", "direct=refused"),
            TOKEN,
            DB_PASSWORD);
  }
}
