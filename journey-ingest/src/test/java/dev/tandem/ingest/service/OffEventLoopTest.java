package dev.tandem.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OffEventLoopTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    /** Where the work ran and where what followed it ran. */
    private record Threads(boolean workOnEventLoop, boolean followOnEventLoop, boolean followOnCallersContext) {
    }

    @Test
    void workCalledFromAnEventLoopRunsOnAWorkerAndWhatFollowsResumesOnTheCallersContext() throws Exception {
        CompletableFuture<Threads> seen = new CompletableFuture<>();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(ignored -> {
            boolean[] workOnEventLoop = new boolean[1];
            OffEventLoop.compute(() -> {
                workOnEventLoop[0] = Context.isOnEventLoopThread();
                return "done";
            }).subscribe().with(result -> seen.complete(new Threads(workOnEventLoop[0],
                    Context.isOnEventLoopThread(), Vertx.currentContext() == context)), seen::completeExceptionally);
        });
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo(new Threads(false, true, true));
    }

    @Test
    void aFailureOfTheWorkReachesTheCallerOnItsContext() throws Exception {
        CompletableFuture<Boolean> failedOnEventLoop = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(ignored -> OffEventLoop.<String>compute(() -> {
            throw new IllegalArgumentException("bad input");
        }).subscribe().with(result -> failedOnEventLoop.completeExceptionally(new AssertionError("no failure")),
                failure -> failedOnEventLoop.complete(failure instanceof IllegalArgumentException
                        && Context.isOnEventLoopThread())));
        assertThat(failedOnEventLoop.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void workCalledOutsideAnEventLoopRunsWhereItIsCalled() {
        Thread caller = Thread.currentThread();
        Thread ran = OffEventLoop.compute(Thread::currentThread).await().indefinitely();
        assertThat(ran).isSameAs(caller);
    }
}
