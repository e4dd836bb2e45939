package io.stagewire.jobapi.service;

/**
 * Who is asking: the OIDC subject (the owner id used in events and rows) and whether they hold
 * the admin role, which sees every job.
 */
public record Caller(String userId, boolean admin) {
    public static final String ADMIN_ROLE = "admin";

    /** Whether the caller may see something owned by {@code ownerId}. */
    public boolean canSee(String ownerId) {
        return admin || userId.equals(ownerId);
    }
}
