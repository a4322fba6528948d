package dev.tandem.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.events.EventJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operations a service's OpenAPI document (JSON) declares, with the roles each admits, so that a test can
 * try every operation with no credentials and with each role and compare with what is declared. Operations
 * under {@code /q/} (health, metrics, OpenAPI itself) are the operators' and are left out.
 */
public final class AccessMatrix {

    /** One operation and the roles its security requirement names (empty: it declares none). */
    public record Operation(String method, String path, Set<String> roles) {

        /** The path with every {@code {parameter}} replaced by {@code value}. */
        public String pathWith(String value) {
            return path.replaceAll("\\{[^}]+}", value);
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private AccessMatrix() {
    }

    /**
     * Calls every operation of the service at {@code base} (its {@code /q/openapi} read first) with no credentials
     * and with a token of each of {@code roles}, and answers what disagrees with the declared roles: an operation
     * without roles, anything but 401 without credentials, anything but 403 for a role not declared, 401 or 403
     * for one declared. Path parameters get {@code pathValue}; bodies are {@code body} as JSON.
     */
    public static List<String> violations(java.net.URI base, LocalSigningKey key, List<String> roles, String tenant,
            String pathValue, String body) {
        // HTTP/1.1: the client's h2c upgrade of a plain-text connection can misread a large answer (the OpenAPI
        // document) as HTTP/2 frames ("Frame type(109) … exceeds MAX_FRAME_SIZE")
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<String> violations = new ArrayList<>();
        List<Operation> operations = operationsOf(http, base);
        if (operations.isEmpty()) {
            violations.add("no operations in " + base.resolve("/q/openapi"));
        }
        for (Operation operation : operations) {
            if (operation.roles().isEmpty()) {
                violations.add(operation + " declares no role");
            }
            int anonymous = call(http, base, operation, pathValue, body, null);
            if (anonymous != 401) {
                violations.add(operation + " without credentials answered " + anonymous);
            }
            for (String role : roles) {
                int status = call(http, base, operation, pathValue, body,
                        key.token(tenant, Set.of(role), java.time.Duration.ofMinutes(5)));
                boolean declared = operation.roles().contains(role);
                if (declared ? status == 401 || status == 403 : status != 403) {
                    violations.add(operation + " as " + role + " answered " + status);
                }
            }
        }
        return violations;
    }

    /**
     * Calls every operation of the service at {@code base} as another tenant, with each role the operation
     * declares, against an object {@code ownerTenant} owns ({@code ownedId}, in every path parameter), and answers
     * what leaks: an operation that names the object in its path must answer 404, exactly as for an object that does
     * not exist (never 2xx, never 403, which would tell it exists); a read without a path parameter (a list, a
     * summary) must not mention the object. Writes without a path parameter concern nothing of the owner's and are
     * left to {@link #violations}.
     */
    public static List<String> foreignTenantViolations(java.net.URI base, LocalSigningKey key, String ownerTenant,
            String ownedId, String foreignTenant, String body) {
        if (ownerTenant.equals(foreignTenant)) {
            throw new IllegalArgumentException("the foreign tenant must not be the owner");
        }
        // HTTP/1.1: the client's h2c upgrade of a plain-text connection can misread a large answer (the OpenAPI
        // document) as HTTP/2 frames ("Frame type(109) … exceeds MAX_FRAME_SIZE")
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
        List<String> violations = new ArrayList<>();
        List<Operation> operations = operationsOf(http, base);
        for (Operation operation : operations) {
            boolean namesObject = !operation.pathWith("").equals(operation.path());
            if (!namesObject && !operation.method().equals("GET")) {
                continue;
            }
            for (String role : operation.roles()) {
                String token = key.token(foreignTenant, Set.of(role), java.time.Duration.ofMinutes(5));
                java.net.http.HttpResponse<String> answer = send(http, request(base, operation, ownedId, body, token));
                if (namesObject && answer.statusCode() != 404) {
                    violations.add(operation + " as " + foreignTenant + "'s " + role + " on " + ownerTenant + "'s "
                            + ownedId + " answered " + answer.statusCode() + ", not 404");
                } else if (!namesObject && answer.body().contains(ownedId)) {
                    violations.add(operation + " as " + foreignTenant + "'s " + role + " showed " + ownerTenant
                            + "'s " + ownedId);
                }
            }
        }
        return violations;
    }

    private static java.net.http.HttpRequest request(java.net.URI base, Operation operation, String pathValue,
            String body, String token) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        base.resolve(operation.pathWith(pathValue)))
                .header("Content-Type", "application/json")
                .method(operation.method(), java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    private static int call(java.net.http.HttpClient http, java.net.URI base, Operation operation, String pathValue,
            String body, String token) {
        return send(http, request(base, operation, pathValue, body, token)).statusCode();
    }

    private static java.net.http.HttpResponse<String> send(java.net.http.HttpClient http,
            java.net.http.HttpRequest request) {
        try {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The operations of the OpenAPI document the service at {@code base} serves. */
    private static List<Operation> operationsOf(java.net.http.HttpClient http, java.net.URI base) {
        return operations(send(http, java.net.http.HttpRequest.newBuilder(base.resolve("/q/openapi?format=json"))
                .header("Accept", "application/json").GET().build()).body());
    }

    public static List<Operation> operations(String openApiJson) {
        JsonNode document;
        try {
            document = EventJson.mapper().readTree(openApiJson);
        } catch (IOException e) {
            throw new UncheckedIOException("not an OpenAPI JSON document", e);
        }
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                Set<String> roles = new TreeSet<>();
                JsonNode security = method.getValue().path("security");
                security.forEach(requirement -> requirement.fields()
                        .forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText()))));
                operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(), roles));
            }
        }
        return operations;
    }
}
