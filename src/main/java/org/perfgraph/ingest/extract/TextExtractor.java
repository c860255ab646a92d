package org.perfgraph.ingest.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.perfgraph.ingest.Extraction;
import org.perfgraph.ingest.FileKind;
import org.perfgraph.ingest.Table;
import org.perfgraph.ingest.TableRow;

/**
 * Text to one table: the delimiting (tabs, RFC 4180 commas, ...) is told from the lines; each non-blank line is a
 * row with its own line number.
 */
final class TextExtractor {

    private TextExtractor() {
    }

    static Extraction extract(String name, byte[] content) {
        TextDecoder text = TextDecoder.decode(name, content);
        Table.Delimiting delimiting = delimiting(text);
        List<TableRow> rows = new ArrayList<>();
        for (int i = 1; i <= text.lineCount(); i++) {
            String line = text.line(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = switch (delimiting) {
                case COMMA -> TextDecoder.csvCells(name, i, line);
                case TAB -> Arrays.asList(TextDecoder.cells(line));
                default -> List.of(line);
            };
            rows.add(TableRow.ofTexts(i, cells));
        }
        return new Extraction(FileKind.TEXT, List.of(new Table("text", delimiting, rows)), text.lines(), List.of(),
                false);
    }

    private static Table.Delimiting delimiting(TextDecoder text) {
        for (String line : text.lines()) {
            if (line.indexOf('\t') >= 0) {
                return Table.Delimiting.TAB;
            }
        }
        for (String line : text.lines()) {
            if (isCsvHeader(line)) {
                return Table.Delimiting.COMMA;
            }
        }
        return Table.Delimiting.NONE;
    }

    /** A comma-separated header row naming the table's columns. */
    static boolean isCsvHeader(String line) {
        return line.indexOf(',') >= 0 && line.contains("项目名称") && line.contains("一级指标");
    }
}
