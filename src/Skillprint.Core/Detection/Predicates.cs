using System.Collections.Frozen;

namespace Skillprint.Core.Detection;

/// <summary>
/// The predicate catalogue of docs/framework-format.md: constructs that take code to recognise, which
/// a <c>predicate</c> detection rule names. The framework loader accepts exactly these names; the
/// evidence engine implements each once.
/// </summary>
public static class Predicates
{
    public const string Decorated = "decorated";
    public const string StarArgs = "star-args";
    public const string KeywordOnlyParameter = "keyword-only-parameter";
    public const string PositionalOnlyParameter = "positional-only-parameter";
    public const string AnnotatedFunction = "annotated-function";
    public const string GeneratorFunction = "generator-function";
    public const string AsyncGenerator = "async-generator";
    public const string AsyncComprehension = "async-comprehension";
    public const string DunderMethod = "dunder-method";
    public const string ContextManagerClass = "context-manager-class";
    public const string DescriptorClass = "descriptor-class";
    public const string Slots = "slots";
    public const string MultipleBases = "multiple-bases";
    public const string Metaclass = "metaclass";
    public const string CustomException = "custom-exception";
    public const string TryExcept = "try-except";
    public const string TryFinally = "try-finally";
    public const string RaiseFrom = "raise-from";
    public const string UnionAnnotation = "union-annotation";
    public const string TypeParameters = "type-parameters";
    public const string ModuleAll = "module-all";
    public const string TestFunction = "test-function";
    public const string MockFixtureParameter = "mock-fixture-parameter";

    /// <summary>Every predicate name, in the catalogue's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Decorated, StarArgs, KeywordOnlyParameter, PositionalOnlyParameter, AnnotatedFunction,
        GeneratorFunction, AsyncGenerator, AsyncComprehension, DunderMethod, ContextManagerClass,
        DescriptorClass, Slots, MultipleBases, Metaclass, CustomException, TryExcept, TryFinally,
        RaiseFrom, UnionAnnotation, TypeParameters, ModuleAll, TestFunction, MockFixtureParameter,
    ];

    /// <summary>The same names as a set, for lookups.</summary>
    public static FrozenSet<string> Names { get; } = All.ToFrozenSet(StringComparer.Ordinal);
}

/// <summary>The predicates of the catalogue as an enum, in the catalogue's order, for array lookups.</summary>
internal enum PredicateKind
{
    Decorated,
    StarArgs,
    KeywordOnlyParameter,
    PositionalOnlyParameter,
    AnnotatedFunction,
    GeneratorFunction,
    AsyncGenerator,
    AsyncComprehension,
    DunderMethod,
    ContextManagerClass,
    DescriptorClass,
    Slots,
    MultipleBases,
    Metaclass,
    CustomException,
    TryExcept,
    TryFinally,
    RaiseFrom,
    UnionAnnotation,
    TypeParameters,
    ModuleAll,
    TestFunction,
    MockFixtureParameter,
}

internal static class PredicateKinds
{
    // "star-args" is StarArgs: the enum member is the name without hyphens.
    private static readonly FrozenDictionary<string, PredicateKind> ByName = Predicates.All
        .ToFrozenDictionary(name => name, name => Enum.Parse<PredicateKind>(name.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true), StringComparer.Ordinal);

    public static bool TryParse(string name, out PredicateKind kind) => ByName.TryGetValue(name, out kind);
}
