package org.perfgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The GraphQL examples of a README section, so tests run the queries the README shows, as written. */
public final class ReadmeSections {

    private ReadmeSections() {
    }

    /** The ```graphql blocks between {@code ## heading} and the next {@code ## } heading. */
    public static List<String> graphqlBlocks(String heading) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n## " + heading);
        assertThat(start).as("README has a section '" + heading + "'").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        Matcher m = Pattern.compile("```graphql\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
