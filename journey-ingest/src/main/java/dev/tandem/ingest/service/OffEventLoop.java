package dev.tandem.ingest.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Keeps ingest's CPU work (parsing, validation, keys, sealing, JSON) off the Vert.x event loops, which only carry
 * I/O: the work runs on a worker thread and what follows it resumes on the caller's Vert.x context, where the
 * reactive clients (Hibernate Reactive, the SQL client) expect to be called. Called outside a Vert.x context (a
 * worker already), the work runs there and what follows stays on that thread.
 */
public final class OffEventLoop {

    private OffEventLoop() {
    }

    /** {@code work} on a worker thread; its result (or failure) delivered on the caller's context. */
    public static <T> Uni<T> compute(Supplier<T> work) {
        Context caller = Vertx.currentContext();
        if (caller == null || !Context.isOnEventLoopThread()) {
            return Uni.createFrom().item(work);
        }
        return resumeOn(caller, Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** What follows {@code uni} runs on {@code context} (if any), whichever thread {@code uni} completes on. */
    public static <T> Uni<T> resumeOn(Context context, Uni<T> uni) {
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
