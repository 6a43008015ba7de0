package io.kailash.secrets.agent.internal.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger of the agent's isolated SLF4J: formats and hands lines to {@link AgentLogOutput}. */
final class AgentLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final String shortName;

  AgentLogger(String name) {
    this.name = name;
    this.shortName = name.substring(name.lastIndexOf('.') + 1);
  }

  @Override
  public boolean isTraceEnabled() {
    return AgentLogOutput.isEnabled(AgentLogOutput.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return AgentLogOutput.isEnabled(AgentLogOutput.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return AgentLogOutput.isEnabled(AgentLogOutput.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return AgentLogOutput.isEnabled(AgentLogOutput.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return AgentLogOutput.isEnabled(AgentLogOutput.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable failure) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    AgentLogOutput.write(level.toInt(), shortName, message, failure);
  }
}
