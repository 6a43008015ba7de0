package io.kailash.secrets.audit;

import io.kailash.secrets.config.ProviderSettings;
import io.kailash.secrets.config.SecretsConfigurationException;
import io.kailash.secrets.config.SettingsSupport;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit records to a JSON-lines file (one JSON object per line, see {@link
 * AuditRecordJson}), rolled by size into {@code <file>.1}, {@code .2}, ...
 *
 * <p>Safe for any number of threads: each record is serialised on its own thread, then appended
 * under one lock with a single write, so lines are never interleaved or lost. A failing disk never
 * fails a resolution: the record is dropped, counted and the failure logged once per outage.
 */
public final class JsonLinesAuditSink implements AuditSink, Closeable {

  /** Configuration keys under {@code audit.}: the file path (required). */
  public static final String FILE = "file";

  /** The size at which the file is rolled, e.g. {@code 10MB}. */
  public static final String MAX_FILE_SIZE = "max-file-size";

  /** How many rolled files are kept. */
  public static final String MAX_FILES = "max-files";

  public static final Set<String> KEYS = Set.of(FILE, MAX_FILE_SIZE, MAX_FILES);
  public static final long DEFAULT_MAX_FILE_SIZE = 10L << 20;
  public static final int DEFAULT_MAX_FILES = 5;

  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditSink.class);

  private final Path path;
  private final RollingFile file;
  private final ReentrantLock writing = new ReentrantLock();
  private final LongAdder dropped = new LongAdder();
  private boolean failing;

  private JsonLinesAuditSink(Path path, RollingFile file) {
    this.path = path;
    this.file = file;
  }

  /**
   * Opens (or creates, with its directories) the file for appending.
   *
   * @param maxBytes the size at which the file is rolled, at least 1
   * @param maxFiles the rolled files kept, at least 1
   * @throws IOException if the file cannot be opened
   */
  public static JsonLinesAuditSink open(Path path, long maxBytes, int maxFiles) throws IOException {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("max-file-size must be at least 1 byte, was " + maxBytes);
    }
    if (maxFiles < 1) {
      throw new IllegalArgumentException("max-files must be at least 1, was " + maxFiles);
    }
    return new JsonLinesAuditSink(path, new RollingFile(path, maxBytes, maxFiles));
  }

  /**
   * Opens the file named by {@code audit.file}, rolled at {@code audit.max-file-size} (default
   * 10MB) keeping {@code audit.max-files} (default 5).
   *
   * @throws SecretsConfigurationException if a key is missing or malformed or the file cannot be
   *     opened
   */
  public static JsonLinesAuditSink fromSettings(ProviderSettings audit) {
    Path path = Path.of(audit.require(FILE));
    long[] maxBytes = {DEFAULT_MAX_FILE_SIZE};
    int[] maxFiles = {DEFAULT_MAX_FILES};
    SettingsSupport.byteSize(audit, MAX_FILE_SIZE, bytes -> maxBytes[0] = positive(bytes));
    SettingsSupport.integer(audit, MAX_FILES, files -> maxFiles[0] = (int) positive(files));
    try {
      return open(path, maxBytes[0], maxFiles[0]);
    } catch (IOException e) {
      throw new SecretsConfigurationException(
          "Cannot open the audit file '"
              + path
              + "' named by '"
              + audit.fullKey(FILE)
              + "': "
              + e
              + ". Check that its directory is writable.",
          e);
    }
  }

  @Override
  public void record(SecretAccessRecord record) {
    try {
      byte[] line = AuditRecordJson.line(record);
      writing.lock();
      try {
        file.write(line);
        recovered();
      } finally {
        writing.unlock();
      }
    } catch (IOException | RuntimeException failure) {
      dropped(failure);
    }
  }

  /** Records that could not be written. */
  public long droppedRecords() {
    return dropped.sum();
  }

  @Override
  public void close() throws IOException {
    writing.lock();
    try {
      file.close();
    } finally {
      writing.unlock();
    }
  }

  private void recovered() {
    if (failing) {
      failing = false;
      LOG.info("Audit file {} is written again", path);
    }
  }

  private void dropped(Exception failure) {
    dropped.increment();
    writing.lock();
    try {
      if (!failing) {
        failing = true;
        LOG.warn(
            "Audit file {} cannot be written; records are dropped: {}", path, failure.toString());
      }
    } finally {
      writing.unlock();
    }
  }

  private static long positive(long value) {
    if (value < 1) {
      throw new IllegalArgumentException("must be at least 1, was " + value);
    }
    return value;
  }
}
