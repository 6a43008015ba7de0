package io.kailash.secrets.agent.internal.transform;

/**
 * Packages whose classes are never candidates for instrumentation, checked by name before a class
 * file is even skimmed ("name-only matchers are nice", open-telemetry/opentelemetry-java-
 * instrumentation#5724): the JDK, the agent and its libraries, and common language runtimes and
 * libraries that cannot extend the application's node base type.
 */
final class IgnoredNames {

  /** Classes here cannot extend an application type; a supertype walk stops at them. */
  private static final String[] JDK = {"java/", "javax/", "jdk/", "sun/", "com/sun/"};

  private static final String[] LIBRARIES = {
    "net/bytebuddy/",
    "io/kailash/secrets/",
    "org/slf4j/",
    "com/fasterxml/",
    "software/amazon/",
    "kotlin/",
    "scala/",
    "groovy/",
    "org/codehaus/groovy/",
    "org/apache/groovy/",
    "ch/qos/logback/",
    "org/apache/logging/",
    "org/junit/",
    "org/assertj/",
    "org/objectweb/asm/",
    "org/springframework/",
    "com/google/",
    "io/netty/",
    "org/eclipse/jetty/",
    "org/apache/catalina/",
    "org/apache/tomcat/",
    "org/hibernate/",
    "org/jboss/"
  };

  private IgnoredNames() {}

  /** Whether {@code internalName} belongs to the JDK. */
  static boolean isJdk(String internalName) {
    return startsWithAny(internalName, JDK);
  }

  /** Whether the agent never instruments {@code internalName}. */
  static boolean isIgnored(String internalName) {
    return isJdk(internalName) || startsWithAny(internalName, LIBRARIES);
  }

  private static boolean startsWithAny(String name, String[] prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
