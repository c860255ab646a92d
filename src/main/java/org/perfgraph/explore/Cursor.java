package org.perfgraph.explore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.perfgraph.support.ApiException;

/**
 * Keyset cursors: the sort key values of the last row of a page, not an offset, so a deep page costs what the
 * first page costs. Opaque to clients (base64url of typed values).
 */
final class Cursor {

    private static final char SEP = '\u001f';

    private Cursor() {
    }

    static String encode(List<?> keys) {
        StringBuilder sb = new StringBuilder("v1");
        for (Object k : keys) {
            sb.append(SEP);
            if (k == null) {
                sb.append('n');
            } else if (k instanceof Long || k instanceof Integer) {
                sb.append('l').append(((Number) k).longValue());
            } else if (k instanceof Double || k instanceof Float) {
                sb.append('d').append(((Number) k).doubleValue());
            } else if (k instanceof LocalDate date) {
                sb.append('t').append(date);
            } else if (k instanceof Boolean b) {
                sb.append('b').append(b);
            } else {
                sb.append('s').append(k);
            }
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor for a row of a list ordered as {@code signature} says (the ordering travels with the cursor). */
    static String encode(String signature, List<?> keys) {
        List<Object> all = new ArrayList<>();
        all.add(signature);
        all.addAll(keys);
        return encode(all);
    }

    /** The sort values of a cursor made by {@link #encode(String, List)} for the same ordering. */
    static List<Object> decode(String cursor, String signature, int expectedKeys) {
        List<Object> all = decode(cursor, expectedKeys + 1);
        if (!signature.equals(all.get(0))) {
            throw ApiException.badInput("'after' is a cursor of another list or ordering (" + all.get(0)
                    + "); page on with the cursors of this one (" + signature + ")");
        }
        return all.subList(1, all.size());
    }

    static List<Object> decode(String cursor, int expectedKeys) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(String.valueOf(SEP), -1);
            if (!parts[0].equals("v1") || parts.length != expectedKeys + 1) {
                throw new IllegalArgumentException();
            }
            List<Object> keys = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i];
                keys.add(switch (p.charAt(0)) {
                    case 'n' -> null;
                    case 'l' -> Long.parseLong(p.substring(1));
                    case 'd' -> Double.parseDouble(p.substring(1));
                    case 's' -> p.substring(1);
                    case 't' -> LocalDate.parse(p.substring(1));
                    case 'b' -> Boolean.parseBoolean(p.substring(1));
                    default -> throw new IllegalArgumentException();
                });
            }
            return keys;
        } catch (RuntimeException e) {
            throw ApiException.badInput("'after' is not a cursor of this list (pass a pageInfo.endCursor or edge cursor you received)");
        }
    }
}
