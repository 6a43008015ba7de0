package io.kailash.secrets.agent.internal.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J 2 binding of the agent's own, isolated copy of SLF4J (found through {@code
 * inst/META-INF/services}). It is independent of the application's SLF4J binding: agent lines never
 * reach the application's logback/log4j configuration, and the application's never reach ours.
 */
public final class AgentLoggerProvider implements SLF4JServiceProvider {

  private final ILoggerFactory factory = new Loggers();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new NOPMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  /** One logger per name. Not a lambda: this runs in premain, where lambdas cost start-up time. */
  private static final class Loggers implements ILoggerFactory {
    private final Map<String, Logger> byName = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      Logger logger = byName.get(name);
      if (logger == null) {
        Logger created = new AgentLogger(name);
        logger = byName.putIfAbsent(name, created);
        if (logger == null) {
          logger = created;
        }
      }
      return logger;
    }
  }
}
