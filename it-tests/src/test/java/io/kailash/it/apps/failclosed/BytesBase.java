package io.kailash.it.apps.failclosed;

import io.kailash.secrets.SecretRequirement;

/** Defined from bytes by {@link FailClosedApp}, with no class-file resource to read. */
@SecretRequirement(name = "api-token", parameter = "api_token")
public abstract class BytesBase extends ReportingNode {}
