package io.stagewire.crawler.browser;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one thread that ever touches a Playwright object. Playwright Java is not thread-safe: a call pumps the
 * driver's messages on the calling thread and runs event handlers (request routes) there. Confining Playwright,
 * the browser, every context and page to this thread makes concurrent crawls safe; they take turns per call.
 */
final class PlaywrightThread implements AutoCloseable {

    private final ExecutorService executor;
    private volatile Thread thread;

    PlaywrightThread() {
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread created = new Thread(task, "playwright");
            created.setDaemon(true);
            thread = created;
            return created;
        });
    }

    /** Runs the action on the Playwright thread and waits for it; a caller already on it runs it directly. */
    <T> T call(Supplier<T> action) {
        if (Thread.currentThread() == thread) {
            return action.get();
        }
        Future<T> result = executor.submit(action::get);
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // The action cannot be interrupted safely once it runs; only a queued one is dropped.
            result.cancel(false);
            Thread.currentThread().interrupt();
            throw new BrowserInterruptedException();
        }
    }

    void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
