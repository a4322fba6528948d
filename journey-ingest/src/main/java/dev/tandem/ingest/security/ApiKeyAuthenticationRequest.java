package dev.tandem.ingest.security;

import dev.tandem.ingest.service.ApiKeySecret;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key presented by a request, to be checked against the store. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final ApiKeySecret key;

    public ApiKeyAuthenticationRequest(ApiKeySecret key) {
        this.key = key;
    }

    public ApiKeySecret key() {
        return key;
    }
}
