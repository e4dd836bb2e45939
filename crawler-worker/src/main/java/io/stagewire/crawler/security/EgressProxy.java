package io.stagewire.crawler.security;

import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.stagewire.crawler.config.CrawlerWorkerConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * The browser's only way out: an HTTP proxy on loopback that Chromium is launched with. Every connection the
 * browser opens (page, subresource, each redirect hop, WebSocket) passes here, is checked by the {@link UrlGuard},
 * and goes only to an address the guard vetted. Request routing in the browser would not be enough: it does not see
 * redirect hops, and the browser would resolve the name again after the check (DNS rebinding).
 *
 * <p>Each browser context gets a listener of its own ({@link #open}), so what the proxy refuses is told to that
 * context's crawl. This replaces Playwright's request routing, which cost a round trip to the crawler per request and,
 * while on, kept Chromium from caching a shop's style sheets, scripts and images from one product page to the next
 * (a market job sent the shop 225 requests with it, 84 without; docs/benchmarks.md).
 */
@ApplicationScoped
public class EgressProxy {

    /** On a refused plain-HTTP request the browser gets a 403 carrying the reason in this header. */
    public static final String REFUSAL_HEADER = "Stagewire-Refused";

    private static final Logger LOG = Logger.getLogger(EgressProxy.class);

    private final UrlGuard guard;
    private final long timeoutMillis;

    private Vertx vertx;
    private HttpServer server;
    private HttpClient httpClient;
    private NetClient netClient;

    EgressProxy(UrlGuard guard, CrawlerWorkerConfig config) {
        this.guard = guard;
        this.timeoutMillis = config.pageTimeout().toMillis();
    }

    /** Told of each request a listener refused: its target (a URL, or {@code host:port} for a tunnel) and why. */
    @FunctionalInterface
    public interface Refusals {
        void refused(String target, String reason);
    }

    /** One browser context's own port on the proxy; closed when the crawl closes its tab. */
    public final class Listener implements AutoCloseable {
        private final HttpServer listening;

        private Listener(HttpServer listening) {
            this.listening = listening;
        }

        /** The proxy URL for the context. */
        public String url() {
            return "http://127.0.0.1:" + listening.actualPort();
        }

        /** Stops listening; returns once the port is closed (or after a second, whatever happened). */
        @Override
        public void close() {
            try {
                listening.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                LOG.warnf("egress proxy listener on %s did not close within a second: %s", url(), e);
            }
        }
    }

    /** The proxy URL Chromium is launched with, for whatever has no listener of its own; starts the proxy on first use. */
    public synchronized String url() {
        start();
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** A listener of its own for one browser context, whose refusals go to {@code refusals} (on the proxy's event loop). */
    public synchronized Listener open(Refusals refusals) {
        start();
        return new Listener(listen(refusals));
    }

    private void start() {
        if (server == null) {
            // A Vert.x of its own: the browser's traffic is not this service's HTTP traffic, and must not show
            // up in (or clash with) the metrics Quarkus keeps for its own server.
            vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4));
            int idleSeconds = idleSeconds();
            httpClient = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout((int) timeoutMillis)
                    .setIdleTimeout(idleSeconds));
            netClient = vertx.createNetClient(new NetClientOptions()
                    .setConnectTimeout((int) timeoutMillis)
                    .setIdleTimeout(idleSeconds));
            // Every context has a listener of its own: nothing is expected here but what Chromium itself fetches.
            server = listen((target, reason) -> { });
            LOG.debugf("egress proxy listening on 127.0.0.1:%d", server.actualPort());
        }
    }

    private int idleSeconds() {
        return (int) Math.max(30, TimeUnit.MILLISECONDS.toSeconds(timeoutMillis * 4));
    }

    private HttpServer listen(Refusals refusals) {
        return vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(idleSeconds()))
                .requestHandler(request -> handle(request, refusals))
                .listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @PreDestroy
    synchronized void stop() {
        if (vertx != null) {
            vertx.close();
            vertx = null;
            server = null;
        }
    }

    private void handle(HttpServerRequest request, Refusals refusals) {
        request.pause();
        if (request.method() == HttpMethod.CONNECT) {
            // CONNECT host:port, for https and WebSockets: a byte tunnel to the vetted address.
            URI endpoint = URI.create("tunnel://" + request.uri());
            vet(() -> guard.checkEndpoint(endpoint.getHost(), endpoint.getPort()))
                    .onSuccess(verdict -> {
                        if (verdict.isAllowed()) {
                            tunnel(request, verdict.addresses().getFirst(), endpoint.getPort());
                        } else {
                            refuse(request, request.uri(), verdict.refusal(), refusals);
                        }
                    })
                    .onFailure(failure -> request.response().setStatusCode(500).end());
            return;
        }
        URI target;
        try {
            target = URI.create(request.uri());
        } catch (IllegalArgumentException e) {
            request.response().setStatusCode(400).end();
            return;
        }
        if (!target.isAbsolute()) {
            request.response().setStatusCode(400).end("this is a forward proxy");
            return;
        }
        vet(() -> guard.check(target))
                .onSuccess(verdict -> {
                    if (verdict.isAllowed()) {
                        forward(request, target, verdict.addresses().getFirst());
                    } else {
                        refuse(request, target.toString(), verdict.refusal(), refusals);
                    }
                })
                .onFailure(failure -> request.response().setStatusCode(500).end());
    }

    /** Resolving a name blocks, so the check runs on a worker thread, never on the event loop. */
    private Future<GuardVerdict> vet(java.util.concurrent.Callable<GuardVerdict> check) {
        return vertx.executeBlocking(check, false);
    }

    private void tunnel(HttpServerRequest request, InetAddress address, int port) {
        netClient.connect(port, address.getHostAddress())
                .onFailure(failure -> request.response().setStatusCode(502).end())
                .onSuccess(upstream -> request.toNetSocket()
                        .onFailure(failure -> upstream.close())
                        .onSuccess(client -> splice(client, upstream)));
    }

    private static void splice(NetSocket client, NetSocket upstream) {
        client.pipeTo(upstream);
        upstream.pipeTo(client);
    }

    private void forward(HttpServerRequest request, URI target, InetAddress address) {
        int port = target.getPort() != -1 ? target.getPort() : 80;
        String originForm = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        HttpProxy.reverseProxy(httpClient)
                .origin(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .addInterceptor(new ProxyInterceptor() {
                    @Override
                    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                        // The browser sends absolute-form to a proxy; the origin server expects origin-form.
                        context.request().setURI(originForm);
                        return context.sendRequest();
                    }
                })
                .handle(request);
    }

    private static void refuse(HttpServerRequest request, String target, String reason, Refusals refusals) {
        LOG.debugf("refused %s: %s", target, reason);
        // Before the answer: the page's load waits for it, so the crawl sees the refusal when the load is over.
        refusals.refused(target, reason);
        request.response()
                .setStatusCode(403)
                .putHeader(REFUSAL_HEADER, reason)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end("Refused by Stagewire's crawler: " + reason + "\n");
    }
}
