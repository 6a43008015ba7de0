package io.kailash.secrets.jmx;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers MBeans with the platform MBean server without ever failing a secret resolution.
 *
 * <p>A name already taken (a second cache in the same JVM, a restarted component) gets a suffix
 * {@code ,instance=2}, {@code ,instance=3}, ... instead of replacing the other bean. Any JMX
 * failure (a security manager, a broken MBean server) is logged and reported as empty.
 */
public final class JmxRegistration {

  /** The JMX domain of every kailash-secrets MBean. */
  public static final String DOMAIN = "io.kailash.secrets";

  private static final Logger LOG = LoggerFactory.getLogger(JmxRegistration.class);
  private static final int MAX_INSTANCES = 1000;

  private JmxRegistration() {}

  /**
   * @param keys the key properties, e.g. {@code type=SecretCache}
   * @return the name the bean was registered under, or empty if JMX refused it
   */
  public static Optional<ObjectName> register(String keys, Object mbean) {
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      for (int instance = 1; instance <= MAX_INSTANCES; instance++) {
        ObjectName name =
            new ObjectName(DOMAIN + ":" + keys + (instance == 1 ? "" : ",instance=" + instance));
        try {
          server.registerMBean(mbean, name);
          return Optional.of(name);
        } catch (InstanceAlreadyExistsException taken) {
          // try the next suffix
        }
      }
      LOG.warn(
          "Not registering MBean {}: {} instances are registered already", keys, MAX_INSTANCES);
    } catch (Exception | LinkageError failure) {
      LOG.warn("Could not register MBean {}; secrets still resolve: {}", keys, failure.toString());
    }
    return Optional.empty();
  }

  /** Unregisters a bean registered by {@link #register}; missing beans are ignored. */
  public static void unregister(ObjectName name) {
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (Exception | LinkageError failure) {
      LOG.debug("Could not unregister MBean {}: {}", name, failure.toString());
    }
  }

  /** A value for a key property, quoted if it holds characters JMX reserves. */
  public static String value(String text) {
    return text.matches("[\\w.\\-/@#]+") ? text : ObjectName.quote(text);
  }
}
