package dev.tandem.designer.mapping;

import java.util.Locale;

/**
 * The wire names of the model's enums ({@code no_decision}, {@code legal_security}…): each constant's name in lower
 * case, which is what their {@code @JsonProperty} says. A stored name this build does not know reads as null
 * rather than failing the whole document.
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String wireName) {
        if (wireName == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, wireName.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
