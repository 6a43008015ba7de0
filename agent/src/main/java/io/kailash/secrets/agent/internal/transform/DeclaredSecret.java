package io.kailash.secrets.agent.internal.transform;

/**
 * One {@code @SecretRequirement} as its class file states it, with the annotation's defaults
 * applied ({@code optional = false}, {@code version = ""}); not yet checked (the resolver builds a
 * {@code SecretRequest} from it with the api's rules).
 */
public record DeclaredSecret(String name, String parameter, boolean optional, String version) {}
