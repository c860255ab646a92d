package org.perfgraph.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable node ids derived from natural keys: the same document imported twice yields the same ids, so links
 * from dashboards and edits survive a re-import. A kind letter, then 16 hex digits of SHA-256.
 */
public final class Ids {

    private Ids() {
    }

    public static String of(char kind, String naturalKey) {
        return kind + sha256(naturalKey).substring(0, 16);
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
