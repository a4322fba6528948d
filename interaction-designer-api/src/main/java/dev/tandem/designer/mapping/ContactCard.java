package dev.tandem.designer.mapping;

/** What sellers see of a contact next to its committee role; the email stays out of this read model. */
public record ContactCard(String contactKey, String name, String title) {
}
