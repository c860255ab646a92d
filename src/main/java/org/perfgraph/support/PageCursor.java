package org.perfgraph.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Keyset cursors for features outside explore: the sort key of the last row of a page as strings, opaque to
 * clients (base64url). A deep page costs what the first page costs because the query continues after the key
 * instead of skipping rows.
 */
public final class PageCursor {

    private static final String VERSION = "k1";
    private static final String SEP = "\u001f";

    private PageCursor() {
    }

    public static String encode(String list, Object... keys) {
        StringBuilder sb = new StringBuilder(VERSION).append(SEP).append(list);
        for (Object key : keys) {
            sb.append(SEP).append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The keys of a cursor made by {@link #encode} for the same list.
     *
     * @throws ApiException BAD_USER_INPUT when the cursor was not made for this list
     */
    public static List<String> decode(String cursor, String list, int keys) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(SEP, -1);
            if (parts.length == keys + 2 && parts[0].equals(VERSION) && parts[1].equals(list)) {
                return Arrays.asList(parts).subList(2, parts.length);
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below like any other foreign cursor
        }
        throw ApiException.badInput("'after' is not a cursor of " + list
                + " (pass a pageInfo.endCursor or edge cursor you received from it)");
    }
}
