package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter translator's golden table: GraphQL {@code where} values in, Cypher predicates and parameters out, one
 * case per block of src/test/resources/explore/where-translations.txt (a case is its name line {@code == name},
 * the node kind, the where value as GraphQL, a line {@code --}, the predicate, then a line {@code params: ...}).
 * A change to a fragment shows as a diff of this file.
 */
class WhereTranslatorGoldenTest {

    record Case(String name, String type, String where, String cypher, String params) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() throws IOException {
        String text;
        try (InputStream in = WhereTranslatorGoldenTest.class.getResourceAsStream("/explore/where-translations.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Arguments> out = new ArrayList<>();
        for (String block : text.split("\n(?===)")) {
            if (!block.startsWith("==")) {
                continue; // the header comment
            }
            List<String> lines = block.strip().lines().toList();
            int sep = lines.indexOf("--");
            String params = lines.get(lines.size() - 1);
            assertThat(params).as(lines.get(0)).startsWith("params: ");
            out.add(Arguments.of(new Case(lines.get(0).substring(2).strip(), lines.get(1).strip(),
                    String.join("\n", lines.subList(2, sep)), String.join("\n", lines.subList(sep + 1, lines.size() - 1)),
                    params.substring("params: ".length()))));
        }
        assertThat(out).hasSizeGreaterThan(20);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translates_as_the_golden_table_says(Case c) {
        WhereTranslator translator = new WhereTranslator();
        @SuppressWarnings("unchecked")
        Map<String, Object> where = (Map<String, Object>) java(Parser.parseValue(c.where()));
        String cypher = translator.predicate(Specs.of(c.type()), "n", where);
        assertThat(cypher).isEqualTo(c.cypher());
        assertThat(new TreeMap<>(translator.params()).toString()).isEqualTo(c.params());
    }

    /** A GraphQL literal as Spring for GraphQL hands it to a controller: enums as names, floats as BigDecimal. */
    static Object java(Value<?> value) {
        if (value instanceof ObjectValue o) {
            Map<String, Object> map = new LinkedHashMap<>();
            o.getObjectFields().forEach(f -> map.put(f.getName(), java(f.getValue())));
            return map;
        }
        if (value instanceof ArrayValue a) {
            return a.getValues().stream().map(WhereTranslatorGoldenTest::java).toList();
        }
        if (value instanceof StringValue s) {
            return s.getValue();
        }
        if (value instanceof EnumValue e) {
            return e.getName();
        }
        if (value instanceof IntValue i) {
            return i.getValue().intValue();
        }
        if (value instanceof FloatValue f) {
            return new BigDecimal(f.getValue().toString());
        }
        if (value instanceof BooleanValue b) {
            return b.isValue();
        }
        if (value instanceof NullValue) {
            return null;
        }
        throw new IllegalArgumentException("not a literal: " + value);
    }
}
