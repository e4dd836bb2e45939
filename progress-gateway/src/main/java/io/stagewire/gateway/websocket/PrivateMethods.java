package io.stagewire.gateway.websocket;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;

/**
 * The few non-public Quarkus methods the gateway reaches by reflection, each resolved once, each with a test
 * that fails when a Quarkus upgrade moves it (RawSocketsTest, UpgradeCompletionTest).
 */
final class PrivateMethods {
    private static final Logger LOG = Logger.getLogger(PrivateMethods.class);

    private PrivateMethods() {
    }

    /** The no-argument method {@code name} of {@code type}, or null (logged with {@code withoutIt}) when it is gone. */
    static MethodHandle find(Class<?> type, String name, String withoutIt) {
        try {
            Method method = type.getDeclaredMethod(name);
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("%s.%s() is not reachable (%s): %s", type.getSimpleName(), name, e, withoutIt);
            return null;
        }
    }
}
