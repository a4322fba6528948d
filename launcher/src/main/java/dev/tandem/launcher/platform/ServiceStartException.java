package dev.tandem.launcher.platform;

import java.util.List;

/** A service did not come up; the message names it and quotes the end of its log. */
public final class ServiceStartException extends RuntimeException {

    static final int LOG_LINES = 25;

    public ServiceStartException(String message) {
        super(message);
    }

    static ServiceStartException of(ServiceProcess service, String what) {
        List<String> tail = service.logTail(LOG_LINES);
        StringBuilder message = new StringBuilder()
                .append(service.name()).append(' ').append(what)
                .append("\nLog: ").append(service.launch().logFile());
        if (!tail.isEmpty()) {
            message.append("\nLast lines:");
            tail.forEach(line -> message.append("\n  | ").append(line));
        }
        return new ServiceStartException(message.toString());
    }
}
