package io.kailash.it.apps.failclosed;

import java.util.Map;

/** Defined from bytes after {@link BytesBase}; declares its own run, so it is woven itself. */
public final class BytesNode extends BytesBase {
  @Override
  public Map<String, Object> run(Map<String, Object> inputs) {
    return super.run(inputs);
  }
}
