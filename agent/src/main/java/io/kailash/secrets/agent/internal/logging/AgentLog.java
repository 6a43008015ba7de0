package io.kailash.secrets.agent.internal.logging;

/**
 * The agent's own logger, used by its own classes instead of SLF4J.
 *
 * <p>why: the agent logs at start (the start line) and on its transform path, and SLF4J's first
 * {@code getLogger} binds a provider (a service lookup, about 40 classes loaded through the
 * isolated loader, some 20 ms of start-up on a small VM: issue 16). This class loads nothing but
 * itself and {@link AgentLogOutput}. The api classes the agent carries keep logging through the
 * agent's isolated SLF4J, whose binding ({@link AgentLoggerProvider}) writes to the same output; it
 * is only initialised when a configuration uses them (see {@code AgentStarter}).
 *
 * <p>Messages use SLF4J's {@code {}} placeholders; a {@link Throwable} in last place is the failure
 * (shown in one line, or as a stack trace at {@code debug}). Like every log of the agent, messages
 * never contain secret values.
 */
public final class AgentLog {

  private final String shortName;

  private AgentLog(String shortName) {
    this.shortName = shortName;
  }

  public static AgentLog of(Class<?> type) {
    return new AgentLog(type.getSimpleName());
  }

  public boolean isDebugEnabled() {
    return AgentLogOutput.isEnabled(AgentLogOutput.DEBUG);
  }

  public void error(String pattern, Object... arguments) {
    log(AgentLogOutput.ERROR, pattern, arguments);
  }

  public void warn(String pattern, Object... arguments) {
    log(AgentLogOutput.WARN, pattern, arguments);
  }

  public void info(String pattern, Object... arguments) {
    log(AgentLogOutput.INFO, pattern, arguments);
  }

  public void debug(String pattern, Object... arguments) {
    log(AgentLogOutput.DEBUG, pattern, arguments);
  }

  private void log(int level, String pattern, Object[] arguments) {
    if (!AgentLogOutput.isEnabled(level)) {
      return;
    }
    // As SLF4J 2: a Throwable in last place is the failure, never a placeholder's argument.
    int count = arguments.length;
    Throwable failure = null;
    if (count > 0 && arguments[count - 1] instanceof Throwable last) {
      failure = last;
      count--;
    }
    StringBuilder message = new StringBuilder(pattern.length() + 32);
    int used = 0;
    int from = 0;
    for (int at = pattern.indexOf("{}");
        at >= 0 && used < count;
        at = pattern.indexOf("{}", from)) {
      message.append(pattern, from, at).append(arguments[used++]);
      from = at + 2;
    }
    message.append(pattern, from, pattern.length());
    AgentLogOutput.write(level, shortName, message.toString(), failure);
  }
}
