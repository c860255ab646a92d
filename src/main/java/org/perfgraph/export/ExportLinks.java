package org.perfgraph.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed export URLs: a browser link cannot send a bearer header, so {@code exportLink} hands out a URL
 * whose {@code signature} (HMAC-SHA256 with a random per-process secret) covers the list, the format, every other
 * query parameter and {@code expires}; the export accepts it instead of a key until it expires. A restart makes the
 * links of the old process invalid, which their 10 minutes allow.
 */
@Component
class ExportLinks {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String EXPIRES = "expires";
    static final String SIGNATURE = "signature";

    private final byte[] secret = new byte[32];
    private final Clock clock;

    @Autowired
    ExportLinks() {
        this(Clock.systemUTC());
    }

    ExportLinks(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(secret);
    }

    /** The signed URL (path and query) of {@code /export/<list>.<format>} with these query parameters. */
    String link(String list, String format, Map<String, String> parameters) {
        Map<String, String> sorted = new TreeMap<>(parameters);
        long expires = clock.instant().plus(LIFETIME).getEpochSecond();
        StringBuilder url = new StringBuilder("/export");
        for (String segment : list.split("/")) {
            url.append('/').append(encode(segment));
        }
        url.append('.').append(format).append('?');
        sorted.forEach((k, v) -> url.append(encode(k)).append('=').append(encode(v)).append('&'));
        url.append(EXPIRES).append('=').append(expires)
                .append('&').append(SIGNATURE).append('=').append(sign(list, format, sorted, expires));
        return url.toString();
    }

    /** Whether the request's parameters carry an unexpired signature over exactly them. */
    boolean valid(String list, String format, Map<String, String> parameters) {
        String signature = parameters.get(SIGNATURE);
        String expiresText = parameters.get(EXPIRES);
        if (signature == null || expiresText == null) {
            return false;
        }
        long expires;
        try {
            expires = Long.parseLong(expiresText);
        } catch (NumberFormatException e) {
            return false;
        }
        if (clock.instant().getEpochSecond() > expires) {
            return false;
        }
        Map<String, String> signed = new TreeMap<>(parameters);
        signed.remove(SIGNATURE);
        signed.remove(EXPIRES);
        return MessageDigest.isEqual(sign(list, format, signed, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(String list, String format, Map<String, String> sorted, long expires) {
        StringBuilder message = new StringBuilder(list).append('\n').append(format).append('\n').append(expires);
        // lengths before values: no choice of names and values can produce another parameter set's message
        sorted.forEach((k, v) -> message.append('\n').append(k.length()).append(':').append(k)
                .append('=').append(v.length()).append(':').append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(message.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
