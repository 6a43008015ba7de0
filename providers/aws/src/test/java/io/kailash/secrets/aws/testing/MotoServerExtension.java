package io.kailash.secrets.aws.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link MotoServer} parameter (constructor, {@code @BeforeAll}, {@code @BeforeEach}
 * or test method). One server serves every test class of the JVM: it is started on first use and
 * stopped when the test run ends, since starting moto takes a second or two. Tests call {@link
 * MotoServer#reset()} or use distinct secret names to stay independent.
 */
public final class MotoServerExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MotoServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == MotoServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // The root store closes AutoCloseable values when the whole test run ends.
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(MotoServer.class, type -> MotoServer.start(), MotoServer.class);
  }
}
