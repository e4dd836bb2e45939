package io.stagewire.crawler.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.stagewire.crawler.browser.BlockedRequest;
import io.stagewire.crawler.service.CapturedProduct;
import io.stagewire.crawler.service.CrawlListener;
import io.stagewire.crawler.service.ProductFailure;

/** Keeps everything a crawl reports, in order. */
public class RecordingListener implements CrawlListener {

    public final List<CapturedProduct> captured = new CopyOnWriteArrayList<>();
    public final List<ProductFailure> failures = new CopyOnWriteArrayList<>();
    public final List<BlockedRequest> blocked = new CopyOnWriteArrayList<>();

    @Override
    public void onCaptured(CapturedProduct product) {
        captured.add(product);
    }

    @Override
    public void onProductFailed(ProductFailure failure) {
        failures.add(failure);
    }

    @Override
    public void onRequestBlocked(String url, String reason) {
        blocked.add(new BlockedRequest(url, reason));
    }

    public List<String> capturedPaths() {
        return captured.stream().map(product -> product.productUrl().getPath()).toList();
    }
}
