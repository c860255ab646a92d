package org.perfgraph.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import graphql.language.OperationDefinition;
import org.perfgraph.support.ApiException;
import org.perfgraph.support.Ids;

/**
 * The configured keys and the access rule. A presented key is compared with every configured key in constant time
 * (SHA-256 digests compared with {@link MessageDigest#isEqual}, no early exit), so neither timing nor length tells
 * how close a guess was. Keys never appear in messages or logs; only their names do.
 */
final class AccessKeys {

    private record Entry(String name, byte[] digest, Caller.Role role) {
    }

    private final List<Entry> entries;
    private final boolean readsNeedKey;

    AccessKeys(String editorKeys, String readKeys) {
        List<Entry> all = new ArrayList<>();
        parse(editorKeys, Caller.Role.EDITOR, "PERFGRAPH_EDITOR_KEYS", all);
        int editors = all.size();
        parse(readKeys, Caller.Role.READER, "PERFGRAPH_READ_KEYS", all);
        this.readsNeedKey = all.size() > editors;
        this.entries = List.copyOf(all);
    }

    boolean writesPossible() {
        return entries.stream().anyMatch(e -> e.role() == Caller.Role.EDITOR);
    }

    /**
     * Who presents this Authorization header: {@link Caller#ANONYMOUS} without one, empty where a key is presented
     * but is none of ours (or the header is not {@code Bearer <key>}).
     */
    Optional<Caller> identify(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.of(Caller.ANONYMOUS);
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = digest(value.substring(7).strip());
        Entry match = null;
        for (Entry e : entries) {
            // every entry is compared, whatever matched before
            if (MessageDigest.isEqual(presented, e.digest()) && (match == null || e.role() == Caller.Role.EDITOR)) {
                match = e;
            }
        }
        return match == null ? Optional.empty() : Optional.of(new Caller(match.name(), match.role()));
    }

    /**
     * The rule: writes need an editor key (none → UNAUTHORIZED, a read key → FORBIDDEN); reads need a key only
     * when read keys are configured. Empty where the caller may go on.
     */
    Optional<ApiException> refusal(Optional<Caller> caller, OperationDefinition.Operation operation) {
        if (caller.isEmpty()) {
            return Optional.of(new ApiException("UNAUTHORIZED",
                    "The Authorization header does not carry a valid key (expected 'Bearer <key>').", null));
        }
        Caller who = caller.get();
        if (operation == OperationDefinition.Operation.MUTATION) {
            if (who.role() == Caller.Role.NONE) {
                return Optional.of(new ApiException("UNAUTHORIZED", writesPossible()
                        ? "Changes need an editor key: send 'Authorization: Bearer <key>' (PERFGRAPH_EDITOR_KEYS)."
                        : "Changes are disabled: no editor keys are configured (PERFGRAPH_EDITOR_KEYS).", null));
            }
            if (!who.canWrite()) {
                return Optional.of(new ApiException("FORBIDDEN",
                        "The key '" + who.name() + "' may read but not change; changes need an editor key.", null));
            }
        } else if (readsNeedKey && who.role() == Caller.Role.NONE) {
            return Optional.of(new ApiException("UNAUTHORIZED",
                    "Reads need a key on this server: send 'Authorization: Bearer <key>' (PERFGRAPH_READ_KEYS).", null));
        }
        return Optional.empty();
    }

    private static void parse(String list, Caller.Role role, String setting, List<Entry> into) {
        List<String> problems = problems(list, setting);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(problems.get(0));
        }
        if (list == null || list.isBlank()) {
            return;
        }
        for (String item : list.split(",")) {
            int colon = item.indexOf(':');
            into.add(new Entry(item.substring(0, colon).strip(), digest(item.substring(colon + 1).strip()), role));
        }
    }

    /**
     * What is wrong with a key list ({@code name:key,name:key}), one sentence each naming the setting; empty when it
     * is fine. The sentences name positions and names, never the text of a key.
     */
    static List<String> problems(String list, String setting) {
        List<String> problems = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return problems;
        }
        Set<String> names = new HashSet<>();
        String[] items = list.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            int colon = item.indexOf(':');
            if (colon <= 0 || colon == item.length() - 1) {
                problems.add(setting + ": entry " + (i + 1) + " is not name:key (allowed: name:key,name:key)");
                continue;
            }
            String name = item.substring(0, colon).strip();
            String key = item.substring(colon + 1).strip();
            if (key.length() < 8) {
                problems.add(setting + ": the key of '" + name + "' is shorter than 8 characters (allowed: keys of 8 or more)");
            }
            if (!names.add(name)) {
                problems.add(setting + ": the name '" + name + "' appears twice (allowed: each name once)");
            }
        }
        return problems;
    }

    private static byte[] digest(String key) {
        return Ids.sha256(key).getBytes(StandardCharsets.US_ASCII);
    }
}
