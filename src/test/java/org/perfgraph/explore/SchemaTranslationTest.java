package org.perfgraph.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

/**
 * The SDL and the translation tables say the same: every field of every {@code *Where} and {@code *Order} input of
 * schema/explore.graphqls has its Cypher in {@link Specs} (or the aggregates' order tables), every entry of those
 * tables is an input field, and every child list of {@link ChildList} (explore's, and those of analytics answers in
 * schema/analysis.graphqls) is a field with its arguments and connection.
 */
class SchemaTranslationTest {

    private static final Set<String> JUNCTIONS = Set.of("AND", "OR", "NOT");

    private final TypeDefinitionRegistry sdl = parse("explore.graphqls");
    /** The lists of analytics answers are child lists too, of the types in their own file. */
    private final TypeDefinitionRegistry lists = parse("explore.graphqls").merge(parse("analysis.graphqls"));

    private static TypeDefinitionRegistry parse(String file) {
        try {
            return new SchemaParser().parse(Files.readString(Path.of("schema", file)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Set<String> inputFields(String type) {
        InputObjectTypeDefinition input = sdl.getType(type, InputObjectTypeDefinition.class)
                .orElseThrow(() -> new AssertionError("no input " + type + " in schema/explore.graphqls"));
        Set<String> names = new TreeSet<>();
        input.getInputValueDefinitions().forEach(v -> names.add(v.getName()));
        return names;
    }

    private Set<String> inputsEndingWith(String suffix) {
        Set<String> names = new TreeSet<>();
        sdl.getTypes(InputObjectTypeDefinition.class).forEach(t -> {
            if (t.getName().endsWith(suffix)) {
                names.add(t.getName());
            }
        });
        return names;
    }

    private static Set<String> translated(NodeSpec spec) {
        Set<String> names = new TreeSet<>(spec.fields.keySet());
        names.addAll(spec.embedded.keySet());
        names.addAll(spec.links.keySet());
        return names;
    }

    @Test
    void every_where_input_field_has_its_translation_and_every_translation_its_input_field() {
        Map<String, NodeSpec> specs = new java.util.TreeMap<>(Map.of(
                "UnitWhere", Specs.UNIT, "ProjectWhere", Specs.PROJECT, "TargetWhere", Specs.TARGET,
                "IndicatorWhere", Specs.INDICATOR, "CategoryWhere", Specs.CATEGORY, "TextWhere", Specs.TEXT,
                "DocumentWhere", Specs.DOCUMENT, "TargetValueWhere", Specs.value("annual")));
        assertThat(inputsEndingWith("Where")).isEqualTo(specs.keySet());
        specs.forEach((input, spec) -> {
            Set<String> fields = new TreeSet<>(inputFields(input));
            fields.removeAll(JUNCTIONS);
            assertThat(fields).as(input + " against Specs." + spec.type).isEqualTo(translated(spec));
        });
        // Every embedded value filter is the same TargetValueWhere.
        Specs.TARGET.embedded.values().forEach(value ->
                assertThat(translated(value)).isEqualTo(translated(Specs.value("annual"))));
    }

    @Test
    void every_link_filter_takes_the_where_of_its_far_kind_and_the_quantifiers_of_the_translator() {
        Map<String, NodeSpec> specs = Map.of("Unit", Specs.UNIT, "Project", Specs.PROJECT, "Target", Specs.TARGET,
                "Indicator", Specs.INDICATOR, "Category", Specs.CATEGORY, "Text", Specs.TEXT, "Document", Specs.DOCUMENT);
        specs.forEach((type, spec) -> spec.links.values().forEach(link -> {
            InputValueDefinition field = sdl.getType(type + "Where", InputObjectTypeDefinition.class).orElseThrow()
                    .getInputValueDefinitions().stream().filter(v -> v.getName().equals(link.name())).findFirst().orElseThrow();
            String inputType = ((graphql.language.TypeName) field.getType()).getName();
            if (link.many()) {
                assertThat(inputType).as(type + "." + link.name()).isEqualTo(link.target() + "ListFilter");
                assertThat(inputFields(inputType)).isEqualTo(new TreeSet<>(Set.of("some", "none", "all")));
            } else {
                assertThat(inputType).as(type + "." + link.name()).isEqualTo(link.target() + "Where");
            }
        }));
    }

    @Test
    void every_order_input_field_has_its_sort_expression_and_every_sort_key_its_input_field() {
        Map<String, Set<String>> orders = new java.util.TreeMap<>();
        Map.of("UnitOrder", Specs.UNIT, "ProjectOrder", Specs.PROJECT, "TargetOrder", Specs.TARGET,
                "IndicatorOrder", Specs.INDICATOR, "CategoryOrder", Specs.CATEGORY, "TextOrder", Specs.TEXT,
                "DocumentOrder", Specs.DOCUMENT).forEach((input, spec) -> orders.put(input, new TreeSet<>(spec.sorts.keySet())));
        Set<String> targetStats = new TreeSet<>(StatsController.TARGET_ORDERS.keySet());
        targetStats.add("key");
        Set<String> projectStats = new TreeSet<>(StatsController.PROJECT_ORDERS.keySet());
        projectStats.add("key");
        orders.put("TargetStatsOrder", targetStats);
        orders.put("ProjectStatsOrder", projectStats);
        assertThat(inputsEndingWith("Order")).isEqualTo(orders.keySet());
        orders.forEach((input, keys) -> assertThat(inputFields(input)).as(input).isEqualTo(keys));
    }

    @Test
    void every_child_list_is_a_field_with_where_order_by_first_and_a_connection_with_after() {
        for (ChildList list : ChildList.ALL) {
            Map<String, FieldDefinition> fields = new java.util.HashMap<>();
            ObjectTypeDefinition type = lists.getType(list.parentType(), ObjectTypeDefinition.class).orElseThrow();
            type.getFieldDefinitions().forEach(f -> fields.put(f.getName(), f));
            FieldDefinition plain = fields.get(list.field());
            FieldDefinition connection = fields.get(list.connectionField());
            assertThat(plain).as(list.name()).isNotNull();
            assertThat(connection).as(list.name() + "Connection").isNotNull();
            assertThat(arguments(plain)).as(list.name()).containsExactly(
                    "where:" + list.spec().type + "Where", "orderBy:[" + list.spec().type + "Order!]", "first:Int");
            assertThat(arguments(connection)).as(list.connectionField()).containsExactly(
                    "where:" + list.spec().type + "Where", "orderBy:[" + list.spec().type + "Order!]", "first:Int", "after:String");
            assertThat(graphql.language.AstPrinter.printAst(connection.getType())).isEqualTo(list.spec().type + "Connection!");
        }
    }

    private static Set<String> arguments(FieldDefinition field) {
        Set<String> out = new LinkedHashSet<>();
        field.getInputValueDefinitions().forEach(v -> out.add(v.getName() + ":" + graphql.language.AstPrinter.printAst(v.getType())));
        return out;
    }
}
