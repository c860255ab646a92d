package org.perfgraph.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Keyset cursors, the one kind every paged list uses: the sort values of the last row of a page (typed: null,
 * whole number, decimal, date, boolean, string) plus the list and ordering they belong to, opaque to clients
 * (base64url). A deep page costs what the first page costs because the query continues after the values instead
 * of skipping rows; a cursor of another list or ordering is refused.
 */
public final class PageCursor {

    private static final String VERSION = "v1";
    private static final char SEP = '\u001f';

    private PageCursor() {
    }

    /**
     * A cursor for a row of {@code list} (a list name, or a list and its ordering) with these sort values.
     */
    public static String encode(String list, List<?> keys) {
        StringBuilder sb = new StringBuilder(VERSION).append(SEP).append('s').append(list);
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

    /**
     * The sort values of a cursor made by {@link #encode} for the same list, with their types.
     *
     * @throws ApiException BAD_USER_INPUT for anything else, saying whether it is no cursor at all or one of
     *                      another list or ordering
     */
    public static List<Object> decode(String cursor, String list, int keys) {
        List<Object> all = values(cursor, list, keys + 1);
        if (!list.equals(all.get(0))) {
            throw ApiException.badInput("'after' is a cursor of another list or ordering (" + all.get(0)
                    + "); page on with the cursors of this one (" + list + ")");
        }
        return all.subList(1, all.size());
    }

    private static List<Object> values(String cursor, String list, int expected) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(String.valueOf(SEP), -1);
            if (!parts[0].equals(VERSION) || parts.length != expected + 1) {
                throw new IllegalArgumentException();
            }
            List<Object> values = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i];
                values.add(switch (p.charAt(0)) {
                    case 'n' -> null;
                    case 'l' -> Long.parseLong(p.substring(1));
                    case 'd' -> Double.parseDouble(p.substring(1));
                    case 's' -> p.substring(1);
                    case 't' -> LocalDate.parse(p.substring(1));
                    case 'b' -> Boolean.parseBoolean(p.substring(1));
                    default -> throw new IllegalArgumentException();
                });
            }
            return values;
        } catch (RuntimeException e) {
            throw ApiException.badInput("'after' is not a cursor of " + list
                    + " (pass a pageInfo.endCursor or edge cursor you received from it)");
        }
    }
}
