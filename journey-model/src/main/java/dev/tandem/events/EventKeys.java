package dev.tandem.events;

/** Kafka record keys. Every account-scoped key is {@code tenantId/accountKey}, so one account's events stay ordered. */
public final class EventKeys {

    private EventKeys() {
    }

    public static String account(String tenantId, String accountKey) {
        return tenantId + "/" + accountKey;
    }

    public static String contact(String tenantId, String contactKey) {
        return tenantId + "/" + contactKey;
    }
}
