package dev.tandem.support.security;

import java.util.List;

/**
 * The roles a bearer token grants (its {@code groups} claim). Every endpoint states which of them it admits;
 * one without a statement is denied ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
public final class Roles {

    /** Machines that report touchpoints (marketing automation, sellers' tools). */
    public static final String INGEST = "ingest";
    /** Buyer-experience designers: personas and journey maps. */
    public static final String DESIGNER = "designer";
    /** Sellers: accounts, their committees and what to do next. */
    public static final String SELLER = "seller";
    /** Sales and marketing leaders: the shared KPIs. */
    public static final String ANALYST = "analyst";
    /** Tenant administrators: credentials and erasure. */
    public static final String ADMIN = "admin";

    /** Platform operators: rebuilds of read models from the log (they span every tenant's data). */
    public static final String OPERATOR = "operator";

    public static final List<String> ALL = List.of(INGEST, DESIGNER, SELLER, ANALYST, ADMIN, OPERATOR);

    private Roles() {
    }
}
