package org.perfgraph.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import org.perfgraph.support.Messages;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Finding.message, rendered when read from the finding's kind and the arguments its Cypher file returns, in the
 * request's language (Chinese unless Accept-Language prefers English). An argument that is itself a catalogue
 * key ({@code goal.ANNUAL}, {@code says.rate}) is rendered too.
 */
@Controller
class FindingMessages {

    private final Messages messages;

    FindingMessages(Messages messages) {
        this.messages = messages;
    }

    @SchemaMapping(typeName = "Finding", field = "message")
    String message(Map<String, Object> finding, DataFetchingEnvironment env) {
        return render(finding, env.getLocale());
    }

    @SuppressWarnings("unchecked")
    String render(Map<String, Object> finding, java.util.Locale locale) {
        String kind = (String) finding.get("kind");
        List<Object> args = new ArrayList<>();
        for (Object a : (List<Object>) finding.getOrDefault("args", List.of())) {
            args.add(word(a, locale));
        }
        if ("PARSE_UNCERTAIN".equals(kind) && !args.isEmpty()) {
            String code = String.valueOf(args.get(0));
            args = List.of(code, messages.diagnostic(code, args.subList(1, args.size()), (String) finding.get("storedMessage"), locale));
        }
        if (finding.get("details") instanceof List<?> details) {
            List<String> parts = new ArrayList<>();
            for (Object d : details) {
                List<Object> detail = (List<Object>) d;
                String part = messages.render("finding." + kind + "." + detail.get(0), detail.subList(1, detail.size()), locale);
                parts.add(part != null ? part : String.valueOf(detail));
            }
            args.add(String.join(Messages.isEnglish(locale) ? "; " : "；", parts));
        }
        String rendered = messages.render("finding." + kind, args, locale);
        return rendered != null ? rendered : kind + ": " + args;
    }

    private Object word(Object arg, java.util.Locale locale) {
        if (arg instanceof String s && (s.startsWith("goal.") || s.startsWith("says."))) {
            String w = messages.render(s, List.of(), locale);
            return w != null ? w : s;
        }
        return arg;
    }
}
