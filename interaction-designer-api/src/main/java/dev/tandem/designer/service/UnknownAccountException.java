package dev.tandem.designer.service;

/** The tenant has no journey for this account (another tenant's account is unknown too). */
public class UnknownAccountException extends RuntimeException {

    public UnknownAccountException(String accountKey) {
        super("No journey is known for account " + accountKey);
    }
}
