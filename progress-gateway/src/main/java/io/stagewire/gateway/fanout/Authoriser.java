package io.stagewire.gateway.fanout;

import io.smallrye.mutiny.Uni;

/** Decides who may subscribe to what (auth.ChannelAccess); the core asks, it never decides itself. */
public interface Authoriser {
    Uni<AccessVerdict> authorise(Viewer viewer, Channel channel);
}
