package io.kailash.secrets.agent.internal.config;

/** One configuration value as written, before {@code ${env:}}/{@code ${file:}} are resolved. */
public record ConfigEntry(String key, String value, ConfigSource source) {}
