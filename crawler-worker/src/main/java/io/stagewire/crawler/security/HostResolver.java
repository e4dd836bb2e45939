package io.stagewire.crawler.security;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name or literal into all its addresses; replaceable so tests can play DNS. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
