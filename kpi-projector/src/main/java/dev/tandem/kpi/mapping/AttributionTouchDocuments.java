package dev.tandem.kpi.mapping;

import dev.tandem.kpi.service.AttributionTouches.Touch;
import dev.tandem.model.TouchpointSource;
import java.util.Date;
import org.bson.Document;

/**
 * Maps the attribution journal's touchpoints to documents of {@code kpi_touches}: one per account and sequence
 * number, id {@code tenant/account#seq}, so a conversion reads exactly the ones it credits by id.
 */
public final class AttributionTouchDocuments {

    public static final String COLLECTION = "kpi_touches";
    public static final String ID = "_id";

    private AttributionTouchDocuments() {
    }

    /** @param accountId the account document's id ({@link AccountKpisDocuments#idOf}) */
    public static String idOf(String accountId, long seq) {
        return accountId + "#" + seq;
    }

    /** The sequence number in a journal document's id. */
    public static long seqOf(String id) {
        return Long.parseLong(id.substring(id.lastIndexOf('#') + 1));
    }

    /** The account id in a journal document's id. */
    public static String accountOf(String id) {
        return id.substring(0, id.lastIndexOf('#'));
    }

    public static Document toDocument(String accountId, long seq, Touch touch) {
        return new Document(ID, idOf(accountId, seq))
                .append("touchpointId", touch.id())
                .append("at", Date.from(touch.at()))
                .append("source", touch.source().wireName())
                .append("channel", touch.channel())
                .append("campaign", touch.campaign())
                .append("content", touch.content());
    }

    public static Touch fromDocument(Document document) {
        return new Touch(document.getString("touchpointId"), document.getDate("at").toInstant(),
                TouchpointSource.fromWireName(document.getString("source")).orElseThrow(),
                document.getString("channel"), document.getString("campaign"), document.getString("content"));
    }
}
