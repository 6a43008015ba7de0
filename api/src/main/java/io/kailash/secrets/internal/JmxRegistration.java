package io.kailash.secrets.internal;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import javax.management.InstanceAlreadyExistsException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MBean's registration with the platform MBean server, which never fails a secret resolution.
 *
 * <p>Registration is explicit (never at class initialisation). A name already taken (a second cache
 * in the same JVM) gets a suffix {@code ,instance=2}, {@code ,instance=3}, ... instead of replacing
 * the other bean. Any JMX failure (a security manager, a broken MBean server) is logged and
 * reported as empty.
 */
public final class JmxRegistration {

  /** The JMX domain of every kailash-secrets MBean. */
  public static final String DOMAIN = "io.kailash.secrets";

  private static final Logger LOG = LoggerFactory.getLogger(JmxRegistration.class);
  private static final int MAX_INSTANCES = 1000;

  private volatile ObjectName registered;

  /**
   * Registers {@code mbean}, replacing this slot's earlier registration.
   *
   * @param keys the key properties, e.g. {@code type=SecretCache}
   * @return the name the bean was registered under, or empty if JMX refused it
   */
  public synchronized Optional<ObjectName> register(String keys, Object mbean) {
    unregister();
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      for (int instance = 1; instance <= MAX_INSTANCES; instance++) {
        ObjectName name =
            new ObjectName(DOMAIN + ":" + keys + (instance == 1 ? "" : ",instance=" + instance));
        try {
          server.registerMBean(mbean, name);
          registered = name;
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

  /** Unregisters the bean registered here, if any; JMX failures are ignored. */
  public synchronized void unregister() {
    ObjectName name = registered;
    registered = null;
    if (name == null) {
      return;
    }
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
