package dev.tandem.pii;

/**
 * The personal fields Tandem seals. The field is bound into each sealed value (authenticated data), so a sealed
 * name cannot be passed off as the title.
 */
public enum PiiField {
    EMAIL("email"),
    NAME("name"),
    TITLE("title");

    private final String wireName;

    PiiField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
