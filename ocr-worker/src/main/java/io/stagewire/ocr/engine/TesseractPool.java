package io.stagewire.ocr.engine;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * A fixed set of threads, each with its own {@link TesseractEngine}: an engine is opened on its
 * thread, used only there and closed there when the pool shuts down. Memory stays at about 40 MB
 * per thread however many callers submit work; callers queue for a free thread.
 */
public final class TesseractPool implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TesseractPool.class);
    /** The default of stagewire.ocr.image-memory-heap-share. */
    public static final double DEFAULT_IMAGE_HEAP_SHARE = 0.5;

    private final TesseractSettings settings;
    private final ImageBudget images;
    private final int size;
    private final ThreadLocal<TesseractEngine> engineOfThread = new ThreadLocal<>();
    private final ExecutorService threads;

    /**
     * Starts {@code size} threads and opens an engine on each before returning, so that the first
     * screenshots do not wait for models to load.
     *
     * @throws IllegalStateException when an engine cannot be opened (missing tessdata, unknown language)
     */
    public TesseractPool(TesseractSettings settings, int size) {
        this(settings, size, ImageBudget.of(settings.maxPixels(), ImageBudget.heapShare(DEFAULT_IMAGE_HEAP_SHARE), size));
    }

    /** As above, with the engines sharing {@code images} for the memory of the screenshots they read. */
    public TesseractPool(TesseractSettings settings, int size, ImageBudget images) {
        if (size < 1) {
            throw new IllegalArgumentException("a Tesseract pool needs at least one thread, not " + size);
        }
        this.settings = settings;
        this.images = images;
        this.size = size;
        if (System.getenv("OMP_THREAD_LIMIT") == null) {
            LOG.warn("OMP_THREAD_LIMIT is not set: Tesseract's OpenMP threads compete with the pool's own and OCR runs 2-2.5x slower;"
                    + " start the process with OMP_THREAD_LIMIT=1");
        }
        this.threads = Executors.newFixedThreadPool(size, closingEngineOnExit(Thread.ofPlatform().name("tesseract-", 1).daemon(true).factory()));
        try {
            openEngineOnEveryThread();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** How many threads (and engines) the pool has. */
    public int size() {
        return size;
    }

    /**
     * Runs {@code work} on a pool thread with that thread's engine. An OutOfMemoryError in it fails this work with
     * {@link OcrFailedException}: its memory is unreachable once it has failed, and the next item gets the heap back.
     */
    public <T> CompletableFuture<T> submit(Function<TesseractEngine, T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.apply(engineOfThisThread());
            } catch (OutOfMemoryError e) {
                throw new OcrFailedException("the OCR worker ran out of memory reading this screenshot", e);
            }
        }, threads);
    }

    /** The memory budget the engines share for images. */
    public ImageBudget images() {
        return images;
    }

    /** Decodes and recognises one screenshot on a pool thread; fails with {@link OcrFailedException} when it cannot be read. */
    public CompletableFuture<RecognizedPage> recognize(byte[] screenshot) {
        return submit(engine -> engine.recognize(screenshot));
    }

    /** Lets queued work finish, then closes every engine on its own thread. */
    @Override
    public void close() {
        threads.close();
    }

    private void openEngineOnEveryThread() {
        // Each warm-up task holds its thread until all have started, so the tasks land on distinct threads.
        CountDownLatch allStarted = new CountDownLatch(size);
        List<CompletableFuture<Void>> warmUps = IntStream.range(0, size)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    try {
                        engineOfThisThread();
                    } finally {
                        allStarted.countDown();
                        awaitAll(allStarted);
                    }
                }, threads))
                .toList();
        try {
            CompletableFuture.allOf(warmUps.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private TesseractEngine engineOfThisThread() {
        TesseractEngine engine = engineOfThread.get();
        if (engine == null) {
            engine = TesseractEngine.open(settings, images);
            engineOfThread.set(engine);
        }
        return engine;
    }

    private ThreadFactory closingEngineOnExit(ThreadFactory threadFactory) {
        return worker -> threadFactory.newThread(() -> {
            try {
                worker.run();
            } finally {
                TesseractEngine engine = engineOfThread.get();
                if (engine != null) {
                    engineOfThread.remove();
                    engine.close();
                }
            }
        });
    }

    private static void awaitAll(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            // Only a shutdown interrupts a warm-up; stop waiting and keep the flag for the executor.
            Thread.currentThread().interrupt();
        }
    }
}
