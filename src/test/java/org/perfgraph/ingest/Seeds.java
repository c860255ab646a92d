package org.perfgraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The seed documents, read from the test classpath. */
final class Seeds {

    static final String ZHUHAI = "seeds/000_4081c7b18e37fcb4.txt";
    static final String MINHANG = "seeds/003_97f8f01bbb414fd2.txt";

    private Seeds() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Seeds.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParsedDocument read(String resource) {
        return new DocumentReader().read(resource, bytes(resource));
    }
}
