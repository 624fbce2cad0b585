using System.Collections.Frozen;

namespace Skillprint.Core.Detection;

/// <summary>
/// What a compiled rule gives when it matches: the skill, and the conditions left to check at the
/// node (a file filter, the keywords a call must pass, the patterns an object must resolve to, the
/// patterns that exclude a match).
/// </summary>
internal sealed class RuleTarget(int skillIndex, string skillId, int filter)
{
    public int SkillIndex { get; } = skillIndex;

    public string SkillId { get; } = skillId;

    /// <summary>Index of the file filter this rule needs (<c>in-files</c>, or <c>in</c> of a string rule); -1 for none.</summary>
    public int Filter { get; } = filter;

    /// <summary>For calls: argument names, one of which the call must pass; null for none.</summary>
    public FrozenSet<string>? Keywords { get; init; }

    /// <summary>For decorates-attribute, attribute-calls and keywords: what the object or callee must resolve to.</summary>
    public NamePatterns? Of { get; init; }

    /// <summary>For decorates: names that do not count although a pattern matches them.</summary>
    public NamePatterns? Except { get; init; }
}

/// <summary>
/// A set of name patterns: <c>X</c> matches X only, <c>X.*</c> any name strictly below X.
/// (A "uses" name matches both: X and below.)
/// </summary>
internal sealed class NamePatterns
{
    private readonly FrozenSet<string> _exact;
    private readonly FrozenSet<string> _below;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _belowLookup;

    public NamePatterns(IEnumerable<string> patterns)
    {
        var exact = new List<string>();
        var below = new List<string>();
        foreach (var pattern in patterns)
        {
            if (pattern.EndsWith(".*", StringComparison.Ordinal))
            {
                below.Add(pattern[..^2]);
            }
            else
            {
                exact.Add(pattern);
            }
        }

        _exact = exact.ToFrozenSet(StringComparer.Ordinal);
        _below = below.ToFrozenSet(StringComparer.Ordinal);
        _belowLookup = _below.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Matches(string qualified)
    {
        if (_exact.Contains(qualified))
        {
            return true;
        }

        if (_below.Count == 0)
        {
            return false;
        }

        var span = qualified.AsSpan();
        for (var dot = span.IndexOf('.'); dot >= 0; dot = NextDot(span, dot))
        {
            if (_belowLookup.Contains(span[..dot]))
            {
                return true;
            }
        }

        return false;
    }

    private static int NextDot(ReadOnlySpan<char> span, int dot)
    {
        var next = span[(dot + 1)..].IndexOf('.');
        return next < 0 ? -1 : dot + 1 + next;
    }
}

/// <summary>
/// Rule targets keyed by qualified name: <see cref="Add(string, RuleTarget, bool, bool)"/> says
/// whether a name matches the key itself, names strictly below it, or both. Matching a qualified
/// name looks the whole name up and then each of its dotted prefixes, without allocating.
/// </summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, List<RuleTarget>> _wholeBuilder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RuleTarget>> _belowBuilder = new(StringComparer.Ordinal);
    private FrozenDictionary<string, RuleTarget[]> _whole = FrozenDictionary<string, RuleTarget[]>.Empty;
    private FrozenDictionary<string, RuleTarget[]> _below = FrozenDictionary<string, RuleTarget[]>.Empty;
    private FrozenDictionary<string, RuleTarget[]>.AlternateLookup<ReadOnlySpan<char>> _belowLookup;

    public bool IsEmpty => _whole.Count == 0 && _below.Count == 0;

    /// <summary>Every key, for the set of first segments worth resolving.</summary>
    public IEnumerable<string> Keys => _whole.Keys.Concat(_below.Keys);

    /// <summary>Adds a name pattern (<c>X</c> or <c>X.*</c>) as calls, subclasses and decorates read it.</summary>
    public void AddPattern(string pattern, RuleTarget target)
    {
        if (pattern.EndsWith(".*", StringComparison.Ordinal))
        {
            Add(pattern[..^2], target, whole: false, below: true);
        }
        else
        {
            Add(pattern, target, whole: true, below: false);
        }
    }

    public void Add(string name, RuleTarget target, bool whole, bool below)
    {
        if (whole)
        {
            AddTo(_wholeBuilder, name, target);
        }

        if (below)
        {
            AddTo(_belowBuilder, name, target);
        }
    }

    public void Freeze()
    {
        _whole = _wholeBuilder.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        _below = _belowBuilder.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
        _belowLookup = _below.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Adds to <paramref name="into"/> the targets whose name matches <paramref name="qualified"/>.</summary>
    public void Match(string qualified, List<RuleTarget[]> into)
    {
        if (_whole.TryGetValue(qualified, out var exact))
        {
            into.Add(exact);
        }

        if (_below.Count == 0)
        {
            return;
        }

        var span = qualified.AsSpan();
        var start = 0;
        while (true)
        {
            var next = span[start..].IndexOf('.');
            if (next < 0)
            {
                return;
            }

            var dot = start + next;
            if (_belowLookup.TryGetValue(span[..dot], out var below))
            {
                into.Add(below);
            }

            start = dot + 1;
        }
    }

    private static void AddTo(Dictionary<string, List<RuleTarget>> map, string key, RuleTarget target)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(target);
    }
}
