package dev.tandem.model.journey;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.optimizer.CelOptimizationException;
import dev.cel.optimizer.CelOptimizer;
import dev.cel.optimizer.CelOptimizerFactory;
import dev.cel.optimizer.optimizers.ConstantFoldingOptimizer;
import dev.cel.common.types.CelKind;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language of stage entry criteria: CEL over the variables of {@link CommitteeFacts}, each declared with
 * its type, so a misspelt variable or a non-boolean expression is refused when the journey is saved, not
 * when an account is evaluated. Compiling is the expensive part; {@link StageEvaluator} does it once per
 * journey version.
 */
public final class EntryCriteria {

    /** Longer criteria are refused: they are meant to be read by sellers. */
    public static final int MAX_LENGTH = 2000;

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'");
    private static final Set<String> VARIABLES =
            Collections.unmodifiableSet(CommitteeFacts.celVariables().keySet());

    private EntryCriteria() {
    }

    /** The declared variable names, in documentation order. */
    public static Set<String> variables() {
        return VARIABLES;
    }

    /** What is wrong with an expression, in words a designer can act on; empty when it compiles to bool. */
    public static List<String> problemsWith(String expression) {
        try {
            compile(expression);
            return List.of();
        } catch (InvalidCriterionException e) {
            return e.problems();
        }
    }

    /**
     * The value a criterion has whatever the facts, when CEL's constant folding reduces it to a literal
     * ({@code false}, {@code 1 > 2}, {@code true || momentum > 3}); empty when it depends on the facts or does not
     * compile. Publishing uses it to find stages no account can ever be placed in.
     */
    public static Optional<Boolean> constantValue(String expression) {
        if (!problemsWith(expression).isEmpty()) {
            return Optional.empty();
        }
        try {
            CelAbstractSyntaxTree folded = Environment.FOLDING.optimize(Environment.CEL.compile(expression).getAst());
            CelExpr root = folded.getExpr();
            if (root.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                    && root.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE) {
                return Optional.of(root.constant().booleanValue());
            }
            return Optional.empty();
        } catch (CelValidationException | CelOptimizationException e) {
            return Optional.empty();
        }
    }

    static CompiledCriterion compile(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidCriterionException(List.of("must not be blank"));
        }
        if (expression.length() > MAX_LENGTH) {
            throw new InvalidCriterionException(List.of("must be at most " + MAX_LENGTH + " characters"));
        }
        CelValidationResult result = Environment.CEL.compile(expression);
        if (result.hasError()) {
            throw new InvalidCriterionException(result.getErrors().stream().map(EntryCriteria::describe).toList());
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            if (ast.getResultType().kind() != CelKind.BOOL) {
                throw new InvalidCriterionException(
                        List.of("must be a bool expression, but returns " + ast.getResultType().name()));
            }
            return new CompiledCriterion(expression, Environment.CEL.createProgram(ast),
                    CompiledCriterion.variablesRead(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            throw new InvalidCriterionException(List.of(e.getMessage()));
        }
    }

    private static String describe(CelIssue issue) {
        String message = issue.getMessage().replace(" (in container '')", "");
        String at = " at line " + issue.getSourceLocation().getLine() + ", column "
                + (issue.getSourceLocation().getColumn() + 1);
        Matcher undeclared = UNDECLARED.matcher(message);
        if (undeclared.find()) {
            String suggestion = closestVariable(undeclared.group(1));
            return message + at + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)");
        }
        return message + at;
    }

    /** The declared variable a typo most likely meant, if one is within two edits. */
    private static String closestVariable(String name) {
        return VARIABLES.stream()
                .filter(v -> editDistance(v.toLowerCase(), name.toLowerCase()) <= 2)
                .min(Comparator.comparingInt((String v) -> editDistance(v.toLowerCase(), name.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()))
                .orElse(null);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A criterion that failed to compile; {@link #problems()} are designer-facing messages. */
    static final class InvalidCriterionException extends IllegalArgumentException {
        private final List<String> problems;

        InvalidCriterionException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    /** One compiled entry criterion. CEL programs are immutable and safe to share between threads. */
    static final class CompiledCriterion {
        private final String expression;
        private final CelRuntime.Program program;
        private final List<String> reads;

        private CompiledCriterion(String expression, CelRuntime.Program program, List<String> reads) {
            this.expression = expression;
            this.program = program;
            this.reads = reads;
        }

        /** The declared variables the expression names (a comprehension's own variable may add a harmless one). */
        static List<String> variablesRead(CelAbstractSyntaxTree ast) {
            return CelNavigableAst.fromAst(ast).getRoot().allNodes()
                    .map(CelNavigableExpr::expr)
                    .filter(expr -> expr.getKind() == CelExpr.ExprKind.Kind.IDENT)
                    .map(expr -> expr.ident().name())
                    .filter(VARIABLES::contains)
                    .distinct().sorted().toList();
        }

        /** What the result depends on: the inputs of the variables the expression reads. */
        Object[] inputs(CommitteeFacts facts) {
            Object[] inputs = new Object[reads.size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = facts.input(reads.get(i));
            }
            return inputs;
        }

        /** Evaluates against an activation; a runtime error (e.g. a missing map key) is "not satisfied". */
        CriterionResult evaluate(String stageKey, CelVariableResolver activation) {
            try {
                Object value = program.eval(activation);
                return CriterionResult.of(stageKey, expression, Boolean.TRUE.equals(value));
            } catch (CelEvaluationException e) {
                return new CriterionResult(stageKey, expression, false, e.getMessage());
            }
        }
    }

    /** The CEL environment, built on first use; a protobuf runtime older than CEL's gencode fails here, clearly. */
    private static final class Environment {
        static final Cel CEL = build();
        static final CelOptimizer FOLDING = CelOptimizerFactory.standardCelOptimizerBuilder(CEL)
                .addAstOptimizers(ConstantFoldingOptimizer.getInstance()).build();

        private static Cel build() {
            try {
                var builder = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS);
                CommitteeFacts.celVariables().forEach(builder::addVar);
                Cel cel = builder.build();
                cel.compile("true").getAst(); // loads the protobuf-generated classes now, not mid-evaluation
                return cel;
            } catch (LinkageError | RuntimeException | CelValidationException e) {
                throw new IllegalStateException("CEL could not start; dev.cel:cel 0.14.0 needs"
                        + " com.google.protobuf:protobuf-java >= 4.35.1 (pin it in dependencyManagement: the Quarkus"
                        + " BOM manages an older one)", e);
            }
        }
    }
}
