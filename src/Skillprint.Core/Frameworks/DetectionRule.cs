namespace Skillprint.Core.Frameworks;

/// <summary>The kinds of detection rule (docs/framework-format.md, "Detection rules").</summary>
public enum RuleKind
{
    Imports,
    Uses,
    Calls,
    Subclasses,
    Decorates,
    DecoratesAttribute,
    AttributeCalls,
    Keywords,
    Defines,
    Node,
    Predicate,
    Files,
    Config,
    String,
}

/// <summary>
/// One detection rule as written: its kind, its values, and the qualifiers its kind allows (empty
/// when not written). Only stored and validated here; the evidence engine runs it.
/// </summary>
/// <param name="Keywords">For <see cref="RuleKind.Calls"/>: argument names, one of which the call must pass.</param>
/// <param name="Of">For decorates-attribute, attribute-calls and keywords: name patterns the object or callee must resolve to.</param>
/// <param name="In">For config and string: file globs (config defaults to pyproject.toml and setup.cfg).</param>
/// <param name="InFiles">For any kind: globs limiting the Python files looked at.</param>
public sealed record DetectionRule(
    RuleKind Kind,
    IReadOnlyList<string> Values,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Of,
    IReadOnlyList<string> In,
    IReadOnlyList<string> InFiles,
    SourceLocation Location)
{
    /// <summary>For <see cref="RuleKind.Decorates"/>: name patterns that do not count although a value matches them.</summary>
    public IReadOnlyList<string> Except { get; init; } = [];
}

public static class RuleKinds
{
    /// <summary>The key that names a kind in YAML (<c>decorates-attribute</c>).</summary>
    public static string Key(this RuleKind kind) => kind switch
    {
        RuleKind.DecoratesAttribute => "decorates-attribute",
        RuleKind.AttributeCalls => "attribute-calls",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Every kind, in the order of the format's table.</summary>
    public static IReadOnlyList<RuleKind> All { get; } = Enum.GetValues<RuleKind>();

    /// <summary>The kind a YAML key names, if any.</summary>
    public static bool TryParse(string key, out RuleKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Key(), key, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The qualifier keys a kind allows besides <c>in-files</c>, which every kind allows.</summary>
    public static IReadOnlyList<string> Qualifiers(this RuleKind kind) => kind switch
    {
        RuleKind.Calls => ["keywords"],
        RuleKind.Decorates => ["except"],
        RuleKind.DecoratesAttribute or RuleKind.AttributeCalls or RuleKind.Keywords => ["of"],
        RuleKind.Config or RuleKind.String => ["in"],
        _ => [],
    };
}
