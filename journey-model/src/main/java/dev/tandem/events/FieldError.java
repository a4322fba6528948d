package dev.tandem.events;

/**
 * One reason an input was refused.
 *
 * @param field JSON Pointer to the offending field (e.g. {@code /contact/email}, {@code /2/type} in an array)
 */
public record FieldError(String field, String message) {
}
