package dev.tandem.kpi.service;

/** The tenant has no KPIs for this account (another tenant's account is unknown too). */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String accountKey) {
        super("No KPIs are known for account " + accountKey);
    }
}
