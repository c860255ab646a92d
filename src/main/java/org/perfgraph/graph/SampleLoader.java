package org.perfgraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import org.perfgraph.support.GraphReader;
import org.perfgraph.support.PerfgraphProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * On start-up with an empty store, imports the bundled seed documents ({@code PERFGRAPH_LOAD_SAMPLES}, default
 * true), so the first command of the README shows real data.
 */
@Component
class SampleLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleLoader.class);

    private final PerfgraphProperties properties;
    private final GraphReader reader;
    private final DocumentImporter importer;

    SampleLoader(PerfgraphProperties properties, GraphReader reader, DocumentImporter importer) {
        this.properties = properties;
        this.reader = reader;
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!properties.loadSamples()) {
            return;
        }
        Number documents = (Number) reader.single("explore/stats", java.util.Map.of()).get("documents");
        if (documents.longValue() > 0) {
            log.info("Store holds {} documents; bundled samples not loaded", documents);
            return;
        }
        for (Resource sample : samples()) {
            var report = importer.importDocument(sample.getFilename(), sample.getContentAsByteArray(), false);
            log.info("Sample {} {}: {} projects, {} targets, {} diagnostics", report.document(), report.status(),
                    report.projects(), report.targets(), report.diagnostics().size());
        }
    }

    static Resource[] samples() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:samples/*.txt");
            Arrays.sort(found, Comparator.comparing(Resource::getFilename));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
