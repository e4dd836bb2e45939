package io.stagewire.ocr.messaging;

import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.stagewire.events.work.OcrRequest;
import io.stagewire.ocr.pipeline.OcrRequestProcessor;
import io.stagewire.worker.messaging.DeadLetterUnlessStopping;
import io.stagewire.worker.service.ForeignWorkRequestException;

/**
 * Reads ocr.requests (consumer group ocr-worker). An OCR blocks for about a second, so it runs on the named worker
 * pool {@value #POOL}, as large as the engine pool (smallrye.messaging.worker.ocr.max-concurrency =
 * stagewire.ocr.threads): every worker thread has an engine, and no record is taken only to wait for one.
 * Screenshots are independent, so they need not finish in order; the commit strategy still commits an offset only
 * once every record before it is done. A record that throws (one that does not decode, or whose storage or sends
 * kept failing) goes to ocr.requests.dlq with the reason in dead-letter-reason, and the worker goes on; a decoded
 * request that kept failing is also ended with ocr:failed, so its job does not wait for it. A record rejected because
 * the worker is stopping is not dead-lettered ({@link DeadLetterUnlessStopping}): it stays uncommitted for another
 * instance.
 */
@ApplicationScoped
public class OcrRequestConsumer {

    static final String POOL = "ocr";

    private final OcrRequestProcessor processor;

    OcrRequestConsumer(OcrRequestProcessor processor) {
        this.processor = processor;
    }

    @Incoming("ocr-requests")
    @Blocking(value = POOL, ordered = false)
    public void consume(ConsumerRecord<String, byte[]> record) {
        OcrRequest request = OcrRequests.decode(record.value());
        try {
            processor.process(request);
        } catch (RejectedExecutionException | CancellationException | ForeignWorkRequestException e) {
            // Stopping: the item is not finished; the failure strategy leaves it uncommitted. Foreign: nothing may be sent to a job its sender does not own.
            throw e;
        } catch (RuntimeException e) {
            // Retries are used up: the item ends as failed so the job moves on, and the record is dead-lettered.
            processor.giveUp(request, e);
            throw e;
        }
    }
}
