package dev.tandem.designer.service;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;

/**
 * Optimistic concurrency for what designers edit: every answer carries the resource's {@code ETag}, and a write
 * names the one it was based on in {@code If-Match}. A write based on an older state is refused with 412, so two
 * designers editing one draft never overwrite each other unknowingly.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The strong entity tag of a persona at a revision. */
    public static String ofPersona(int revision) {
        return "\"p" + revision + "\"";
    }

    /** The strong entity tag of a journey version at a revision. */
    public static String ofVersion(int version, int revision) {
        return "\"v" + version + "r" + revision + "\"";
    }

    /**
     * @param ifMatch the request's If-Match header, or null
     * @param current the resource's tag now
     * @param required whether the write must name a tag (an update: 428 without one)
     */
    public static void check(String ifMatch, String current, boolean required) {
        if (ifMatch == null || ifMatch.isBlank()) {
            if (required) {
                throw new ClientErrorException("This change needs an If-Match header with the ETag of the state it "
                        + "is based on (answered by the last GET)", 428);
            }
            return;
        }
        boolean matches = Arrays.stream(ifMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(current));
        if (!matches) {
            throw new ClientErrorException("Changed since you read it: If-Match " + ifMatch.strip() + ", now "
                    + current + "; read it again and re-apply your change", Response.Status.PRECONDITION_FAILED);
        }
    }

    /** If-Match on something that does not exist yet: only a create without a tag (or with none matching) works. */
    public static void checkAbsent(String ifMatch) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ClientErrorException("If-Match " + ifMatch.strip() + " names a state, but there is none",
                    Response.Status.PRECONDITION_FAILED);
        }
    }
}
