package org.perfgraph.support;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The message catalogue of findings and diagnostics ({@code i18n/messages.properties}: Chinese, the default;
 * {@code i18n/messages_en.properties}: English). Messages are rendered when read, from a stored code and its
 * arguments, so changing a wording needs no migration of stored diagnostics. The language of a GraphQL request is
 * its {@code Accept-Language}: English where English comes before Chinese, else Chinese (also without the header:
 * the readers are Chinese budget officers).
 */
@Component
public class Messages implements WebGraphQlInterceptor {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    public Messages() {
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
    }

    /** Sets the request's locale (what {@code DataFetchingEnvironment.getLocale()} gives the resolvers). */
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Locale language = language(request.getHeaders());
        request.configureExecutionInput((input, builder) -> builder.locale(language).build());
        return chain.next(request);
    }

    /** English where the header prefers English to Chinese; Chinese otherwise. */
    public static Locale language(HttpHeaders headers) {
        try {
            for (Locale l : headers.getAcceptLanguageAsLocales()) {
                if (l.getLanguage().equals("en")) {
                    return Locale.ENGLISH;
                }
                if (l.getLanguage().equals("zh")) {
                    return Locale.CHINESE;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // a header that does not parse is no preference
        }
        return Locale.CHINESE;
    }

    /**
     * The message {@code key} with {@code args}, or null where the catalogue has no such key or the template needs
     * more arguments than given.
     */
    public String render(String key, List<?> args, Locale locale) {
        String template;
        try {
            // without arguments MessageFormat leaves the placeholders as they are: what the template needs
            template = source.getMessage(key, null, locale == null ? Locale.CHINESE : locale);
        } catch (NoSuchMessageException e) {
            return null;
        }
        int needed = 0;
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            needed = Math.max(needed, Integer.parseInt(m.group(1)) + 1);
        }
        if (args.size() < needed) {
            return null;
        }
        Object[] values = args.stream().map(a -> a == null ? "" : String.valueOf(a)).toArray();
        return source.getMessage(key, values, locale == null ? Locale.CHINESE : locale);
    }

    /**
     * A diagnostic's message: the template of its code for that many arguments ({@code diagnostic.CODE.N}) with its
     * stored arguments; where the catalogue has none, in English the sentence stored at import, in Chinese the
     * code's plain sentence ({@code diagnostic.CODE}).
     */
    public String diagnostic(String code, List<?> args, String stored, Locale locale) {
        String rendered = render("diagnostic." + code + "." + args.size(), args, locale);
        if (rendered != null) {
            return rendered;
        }
        if (isEnglish(locale) && stored != null) {
            return stored;
        }
        String plain = render("diagnostic." + code, List.of(), Locale.CHINESE);
        return plain != null ? plain : stored != null ? stored : code;
    }

    public static boolean isEnglish(Locale locale) {
        return locale != null && locale.getLanguage().equals("en");
    }
}
