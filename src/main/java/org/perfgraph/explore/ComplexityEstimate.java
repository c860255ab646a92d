package org.perfgraph.explore;

import java.util.List;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import graphql.validation.ValidationError;
import org.perfgraph.support.WholeList;

/**
 * What a request could return, estimated before anything runs: each field costs 1 plus its children, and the
 * children of a list count once per row it can hold. Rows are the real {@code first} of every level; an unpaged
 * child list ({@code indicator.projects} without {@code first}) counts as the widest one of the store
 * ({@link FanOuts}: stored counts and degrees). The lists of values inside analytics answers that take {@code first}
 * (a shared text's statements, a cluster's texts and pairs) count the same way: {@code first}, a connection's
 * default page, unpaged their widest in the store where it keeps one (a text's statements), else
 * {@link #LIST_FAN_OUT}, as every other list (an indicator's categories) does. No level
 * counts more than the store holds: a root page no more than the nodes of its kind, the targets of distinct
 * projects no more than all targets. Statements cost {@link #ROOT_STATEMENT_COST} each: one per root field and one
 * per distinct child list of a level (a field with its arguments: its aliases with other arguments are other
 * statements, see {@link ChildLists}), whatever the rows. Over the limit the request is refused, suggesting
 * {@code first} or the connection.
 */
final class ComplexityEstimate {

    /** Lists that are no child lists and no store keeps a width of are estimated at this many elements each. */
    static final int LIST_FAN_OUT = 5;
    /**
     * What a root field, and each distinct child list, adds to the estimate for the Cypher statement it runs: a
     * statement costs far more than a field read from its rows (2,000 aliases of {@code stats} were 4,000 fields but
     * 2,000 statements and 59 s; 2,000 aliases of {@code targets(first: n)} under one project, 2,000 statements).
     */
    static final int ROOT_STATEMENT_COST = 1000;
    /** What a connection's {@code first} defaults to in the schema. */
    static final int DEFAULT_PAGE = 20;

    private ComplexityEstimate() {
    }

    /** The calculator of the estimate running on this thread: its statement count is the request's own. */
    private static final ThreadLocal<FieldComplexityCalculator> CURRENT = new ThreadLocal<>();

    static MaxQueryComplexityInstrumentation instrumentation(int max, FanOuts fanOuts) {
        FieldComplexityCalculator current = (env, childComplexity) -> CURRENT.get().calculate(env, childComplexity);
        return new MaxQueryComplexityInstrumentation(max, current) {
            @Override
            public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                                 InstrumentationState state) {
                return fanOuts.during(() -> estimating(fanOuts, () -> super.beginValidation(parameters, state)));
            }

            @Override
            public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
                    InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
                return fanOuts.during(() -> estimating(fanOuts, () -> super.beginExecuteOperation(parameters, state)));
            }

            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return RequestLimits.refused("The query's estimated cost is " + complexity + "; at most " + maxComplexity
                        + " is allowed (PERFGRAPH_MAX_QUERY_COMPLEXITY). Each field costs 1, multiplied by the rows of the lists"
                        + " it is in: 'first' where given, else the most that list holds for one parent on this store (an"
                        + " unpaged child list such as an indicator's projects counts at its widest). Give the child lists"
                        + " 'first' (projects(first: 5)) or page them with their connection (projectsConnection(first: 5) {"
                        + " totalCount edges { node { ... } } pageInfo { endCursor } }). Each root field also costs "
                        + ROOT_STATEMENT_COST + " for its statement, and so does each distinct child list (an alias with"
                        + " other arguments is another statement): ask for fewer root fields and child lists.",
                        "MAX_QUERY_COMPLEXITY");
            }
        };
    }

    private static <T> T estimating(FanOuts fanOuts, java.util.function.Supplier<T> estimate) {
        CURRENT.set(calculator(fanOuts));
        try {
            return estimate.get();
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * One estimate's calculator. A field's cost: 1 plus its children's times the rows it yields per object it is
     * resolved on, so that each field costs once per object its parent yields. Statements are not multiplied by rows
     * (a level's parents share one): fields are visited children first, so the distinct child lists met below a root
     * field are counted when it comes and added to its cost with its own statement.
     */
    static FieldComplexityCalculator calculator(FanOuts fanOuts) {
        java.util.Set<String> childStatements = new java.util.HashSet<>();
        int[] pending = {0};
        return (env, childComplexity) -> {
            if (WholeList.active()) {
                // an export's own read: it bounds its rows by PERFGRAPH_EXPORT_MAX_ROWS instead
                return 1 + childComplexity;
            }
            if (ChildList.of(env.getParentType().getName(), env.getFieldDefinition().getName()) != null
                    && childStatements.add(statementKey(env))) {
                pending[0]++;
            }
            Level level = level(env, fanOuts);
            Level parent = env.getParentEnvironment() == null ? Level.ROOT : level(env.getParentEnvironment(), fanOuts);
            double cost = 1 + childComplexity * (level.rows() / parent.rows());
            if (env.getParentEnvironment() == null) {
                cost += (double) ROOT_STATEMENT_COST * (1 + pending[0]);
                pending[0] = 0;
            }
            return (int) Math.min(Integer.MAX_VALUE, Math.ceil(cost));
        };
    }

    /** A child list's statement: its field and arguments at its depth (the parents of one level share it). */
    private static String statementKey(FieldComplexityEnvironment env) {
        int depth = 0;
        for (FieldComplexityEnvironment e = env.getParentEnvironment(); e != null; e = e.getParentEnvironment()) {
            depth++;
        }
        return depth + ":" + env.getParentType().getName() + "." + env.getFieldDefinition().getName() + env.getArguments();
    }

    /**
     * How many objects a field yields over the whole request, and whether they are distinct nodes (a page of a root
     * list, the targets of distinct projects: then a tree-shaped child list below cannot yield more than its links).
     */
    record Level(double rows, boolean distinct) {
        static final Level ROOT = new Level(1, false);
    }

    private static Level level(FieldComplexityEnvironment env, FanOuts fanOuts) {
        String field = env.getFieldDefinition().getName();
        Object first = env.getArguments().get("first");
        ChildList child = ChildList.of(env.getParentType().getName(), field);
        // Only a child list without 'first' needs the store's widths (a connection pages by default); read them
        // before the levels above, so that these see the store's totals too. So does a list of values below the
        // root that takes 'first' (a shared text's statements, a cluster's pairs), unpaged.
        boolean values = child == null && env.getParentEnvironment() != null
                && env.getFieldDefinition().getArgument("first") != null
                && (isList(env.getFieldDefinition().getType()) || field.endsWith("Connection"));
        double each = child == null && !values ? 1 : first instanceof Number n ? Math.max(1, n.longValue())
                : field.endsWith("Connection") ? DEFAULT_PAGE
                : values ? fanOuts.widest(env.getParentType().getName() + "." + field, LIST_FAN_OUT)
                : fanOuts.widest(child.name(), 1);
        Level in = env.getParentEnvironment() == null ? Level.ROOT : level(env.getParentEnvironment(), fanOuts);
        if (values) {
            return new Level(in.rows() * each, false);
        }
        if (child != null) {
            double rows = in.rows() * each;
            boolean distinct = in.distinct() && child.tree();
            return new Level(distinct ? Math.min(rows, fanOuts.total(child.name())) : rows, distinct);
        }
        if (env.getParentEnvironment() == null && first instanceof Number n && env.getFieldDefinition().getArgument("after") != null) {
            // A root list's page: no more than the nodes of its kind.
            return new Level(Math.min(Math.max(1, n.longValue()), fanOuts.total(nodeType(env))), true);
        }
        // A connection's edges and nodes are the page that 'first' already counted.
        if (env.getParentType().getName().endsWith("Connection") || env.getParentType().getName().endsWith("Edge")) {
            return in;
        }
        if (isList(env.getFieldDefinition().getType())) {
            return new Level(in.rows() * LIST_FAN_OUT, false);
        }
        return new Level(in.rows(), false);
    }

    /** The node kind of a root list (UnitConnection: Unit). */
    private static String nodeType(FieldComplexityEnvironment env) {
        GraphQLType type = env.getFieldDefinition().getType();
        GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
        String name = t instanceof graphql.schema.GraphQLNamedType named ? named.getName() : "";
        return name.endsWith("Connection") ? name.substring(0, name.length() - "Connection".length()) : name;
    }

    private static boolean isList(GraphQLType type) {
        GraphQLType t = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
        return t instanceof GraphQLList;
    }
}
