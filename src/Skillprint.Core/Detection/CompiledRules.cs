using System.Collections.Frozen;
using Skillprint.Core.Frameworks;
using Skillprint.Python.Syntax;

namespace Skillprint.Core.Detection;

/// <summary>
/// The detection rules of a framework, compiled once per scan into lookup tables: per node kind
/// the skills a <c>node</c> rule names, dictionaries from qualified names and attribute names to
/// skills, the predicates in use, the file globs and config keys. Immutable and safe to share
/// between threads; each Detect call works on its own state.
/// </summary>
public sealed class CompiledRules
{
    private readonly List<(Glob Glob, RuleTarget Target)> _fileGlobs = [];
    private readonly Dictionary<string, List<RuleTarget>> _fileLiteralPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RuleTarget>> _fileAnyFolderNames = new(StringComparer.Ordinal);
    private readonly List<(string Key, RuleTarget Target)> _configKeys = [];
    private readonly List<GlobFilter> _filters = [];
    private readonly Dictionary<string, int> _filterIds = new(StringComparer.Ordinal);
    private readonly List<string> _skillIds = [];

    private CompiledRules(Framework framework)
    {
        Framework = framework;
    }

    /// <summary>The framework these rules come from.</summary>
    public Framework Framework { get; }

    /// <summary>How many rules were compiled.</summary>
    public int RuleCount { get; private set; }

    internal IReadOnlyList<string> SkillIds => _skillIds;

    internal NameTable Uses { get; } = new();

    internal NameTable Calls { get; } = new();

    internal NameTable Subclasses { get; } = new();

    internal NameTable Decorates { get; } = new();

    internal NameTable Imports { get; } = new();

    internal FrozenDictionary<string, RuleTarget[]> AttributeCalls { get; private set; } = FrozenDictionary<string, RuleTarget[]>.Empty;

    internal FrozenDictionary<string, RuleTarget[]> DecoratesAttribute { get; private set; } = FrozenDictionary<string, RuleTarget[]>.Empty;

    internal FrozenDictionary<string, RuleTarget[]> Keywords { get; private set; } = FrozenDictionary<string, RuleTarget[]>.Empty;

    internal FrozenDictionary<string, RuleTarget[]> Defines { get; private set; } = FrozenDictionary<string, RuleTarget[]>.Empty;

    internal FrozenDictionary<string, RuleTarget[]> Strings { get; private set; } = FrozenDictionary<string, RuleTarget[]>.Empty;

    /// <summary>By <see cref="NodeKind"/>: the targets of <c>node</c> rules naming that kind, or null.</summary>
    internal RuleTarget[]?[] NodeTargets { get; } = new RuleTarget[]?[Enum.GetValues<NodeKind>().Length];

    /// <summary>By <see cref="PredicateKind"/>: the targets of <c>predicate</c> rules naming it, or null.</summary>
    internal RuleTarget[]?[] PredicateTargets { get; } = new RuleTarget[]?[Enum.GetValues<PredicateKind>().Length];

    /// <summary>First segments of every name some rule resolves against: only chains starting there are resolved.</summary>
    internal FrozenSet<string> FirstSegments { get; private set; } = FrozenSet<string>.Empty;

    /// <summary>Builtin names some rule mentions (<c>open</c> for <c>builtins.open</c>), with their qualified name.</summary>
    internal FrozenDictionary<string, string> Builtins { get; private set; } = FrozenDictionary<string, string>.Empty;

    /// <summary>Modules whose submodules an <c>imports</c> rule names (<c>google</c> for <c>google.cloud</c>).</summary>
    internal FrozenSet<string> ImportParents { get; private set; } = FrozenSet<string>.Empty;

    internal IReadOnlyList<GlobFilter> Filters => _filters;

    internal bool HasStringRules => Strings.Count > 0;

    /// <summary>Compiles every detection rule of a framework.</summary>
    public static CompiledRules Compile(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var compiled = new CompiledRules(framework);
        compiled.Build();
        return compiled;
    }

    /// <summary>
    /// The hits of a parsed Python file: every rule that reads Python code (all kinds but files and
    /// config), walking the tree once. <paramref name="sourceText"/> gives the snippets (empty without it).
    /// </summary>
    public IReadOnlyList<Hit> DetectPython(string relativePath, Module module, string? sourceText)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(module);
        var path = NormalizePath(relativePath);
        var collector = new HitCollector();
        DetectPython(path, module, collector);
        return collector.ToHits(path, _skillIds, sourceText);
    }

    /// <summary>The hits of <c>files</c> rules for a file at this path (line 1; snippet from <paramref name="text"/> when given).</summary>
    public IReadOnlyList<Hit> DetectFile(string relativePath, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = NormalizePath(relativePath);
        var collector = new HitCollector();
        DetectFile(path, Glob.Segments(path), collector);
        return collector.ToHits(path, _skillIds, text);
    }

    /// <summary>True when some <c>config</c> rule reads the file at this path (pyproject.toml, setup.cfg...).</summary>
    public bool IsConfigFile(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var segments = Glob.Segments(relativePath);
        return _configKeys.Any(rule => _filters[rule.Target.Filter].IsMatch(segments));
    }

    /// <summary>
    /// The hits of <c>config</c> rules in a configuration file: TOML when its name ends in
    /// <c>.toml</c>, INI (setup.cfg, tox.ini...) otherwise. Problems reading it are ignored here
    /// (what was read before them counts); <see cref="Detector"/> reports them.
    /// </summary>
    public IReadOnlyList<Hit> DetectConfig(string relativePath, string text)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(text);
        var path = NormalizePath(relativePath);
        var collector = new HitCollector();
        DetectConfig(path, text, collector, out _);
        return collector.ToHits(path, _skillIds, text);
    }

    internal static string NormalizePath(string relativePath)
    {
        var path = relativePath.Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path.TrimStart('/');
    }

    internal void DetectPython(string path, Module module, HitCollector collector)
    {
        var scope = ModuleScope.Build(module, path);
        var segments = Glob.Segments(path);
        var active = new bool[_filters.Count];
        for (var i = 0; i < active.Length; i++)
        {
            active[i] = _filters[i].IsMatch(segments);
        }

        new DetectionWalker(this, scope, collector, active, segments.Length > 0 ? segments[^1] : path).Visit(module);
    }

    internal void DetectFile(string path, string[] segments, HitCollector collector)
    {
        if (_fileLiteralPaths.TryGetValue(path, out var literal))
        {
            foreach (var target in literal)
            {
                collector.Add(target.SkillIndex, 1, 1);
            }
        }

        if (segments.Length > 0 && _fileAnyFolderNames.TryGetValue(segments[^1], out var named))
        {
            foreach (var target in named)
            {
                collector.Add(target.SkillIndex, 1, 1);
            }
        }

        foreach (var (glob, target) in _fileGlobs)
        {
            if (glob.IsMatch(segments))
            {
                collector.Add(target.SkillIndex, 1, 1);
            }
        }
    }

    internal void DetectConfig(string path, string text, HitCollector collector, out IReadOnlyList<Python.Diagnostic> problems)
    {
        problems = [];
        var segments = Glob.Segments(path);
        var rules = _configKeys.Where(rule => _filters[rule.Target.Filter].IsMatch(segments)).ToList();
        if (rules.Count == 0)
        {
            return;
        }

        var entries = ConfigEntries.Read(path, text, out problems);
        foreach (var (key, target) in rules)
        {
            var exact = false;
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Path, key, StringComparison.Ordinal))
                {
                    collector.Add(target.SkillIndex, entry.Line, entry.Line);
                    exact = true;
                }
            }

            if (!exact && entries.FindIndex(entry => IsBelow(entry.Path, key)) is var first and >= 0)
            {
                // The key exists only through a deeper table or dotted key: its first mention.
                collector.Add(target.SkillIndex, entries[first].Line, entries[first].Line);
            }
        }
    }

    private static bool IsBelow(string path, string key) =>
        path.Length > key.Length && path[key.Length] == '.' && path.StartsWith(key, StringComparison.Ordinal);

    private void Build()
    {
        var attributeCalls = new Dictionary<string, List<RuleTarget>>(StringComparer.Ordinal);
        var decoratesAttribute = new Dictionary<string, List<RuleTarget>>(StringComparer.Ordinal);
        var keywords = new Dictionary<string, List<RuleTarget>>(StringComparer.Ordinal);
        var defines = new Dictionary<string, List<RuleTarget>>(StringComparer.Ordinal);
        var strings = new Dictionary<string, List<RuleTarget>>(StringComparer.Ordinal);
        var nodes = new List<RuleTarget>?[NodeTargets.Length];
        var predicates = new List<RuleTarget>?[PredicateTargets.Length];
        var resolvedNames = new HashSet<string>(StringComparer.Ordinal);

        foreach (var skill in Framework.Skills)
        {
            var skillIndex = -1;
            foreach (var rule in skill.Rules)
            {
                if (skillIndex < 0)
                {
                    skillIndex = _skillIds.Count;
                    _skillIds.Add(skill.Id);
                }

                RuleCount++;
                var filter = rule.Kind == RuleKind.String
                    ? FilterId(rule.In, rule.InFiles)
                    : rule.Kind == RuleKind.Config ? FilterId(rule.In, []) : FilterId([], rule.InFiles);
                var target = new RuleTarget(skillIndex, skill.Id, filter)
                {
                    Keywords = rule.Keywords.Count > 0 ? rule.Keywords.ToFrozenSet(StringComparer.Ordinal) : null,
                    Of = rule.Of.Count > 0 ? new NamePatterns(rule.Of) : null,
                    Except = rule.Except.Count > 0 ? new NamePatterns(rule.Except) : null,
                };
                resolvedNames.UnionWith(rule.Of.Select(StripStar));
                switch (rule.Kind)
                {
                    case RuleKind.Imports:
                        rule.Values.ToList().ForEach(name => Imports.Add(name, target, whole: true, below: true));
                        break;
                    case RuleKind.Uses:
                        rule.Values.ToList().ForEach(name => Uses.Add(name, target, whole: true, below: true));
                        resolvedNames.UnionWith(rule.Values);
                        break;
                    case RuleKind.Calls:
                        rule.Values.ToList().ForEach(pattern => Calls.AddPattern(pattern, target));
                        resolvedNames.UnionWith(rule.Values.Select(StripStar));
                        break;
                    case RuleKind.Subclasses:
                        rule.Values.ToList().ForEach(pattern => Subclasses.AddPattern(pattern, target));
                        resolvedNames.UnionWith(rule.Values.Select(StripStar));
                        break;
                    case RuleKind.Decorates:
                        rule.Values.ToList().ForEach(pattern => Decorates.AddPattern(pattern, target));
                        resolvedNames.UnionWith(rule.Values.Select(StripStar));
                        break;
                    case RuleKind.DecoratesAttribute:
                        AddAll(decoratesAttribute, rule.Values, target);
                        break;
                    case RuleKind.AttributeCalls:
                        AddAll(attributeCalls, rule.Values, target);
                        break;
                    case RuleKind.Keywords:
                        AddAll(keywords, rule.Values, target);
                        break;
                    case RuleKind.Defines:
                        AddAll(defines, rule.Values, target);
                        break;
                    case RuleKind.String:
                        AddAll(strings, rule.Values, target);
                        break;
                    case RuleKind.Node:
                        foreach (var name in rule.Values)
                        {
                            if (AstNodeNames.Kinds.TryGetValue(name, out var kind))
                            {
                                (nodes[(int)kind] ??= []).Add(target);
                            }
                        }

                        break;
                    case RuleKind.Predicate:
                        foreach (var name in rule.Values)
                        {
                            if (PredicateKinds.TryParse(name, out var predicate))
                            {
                                (predicates[(int)predicate] ??= []).Add(target);
                            }
                        }

                        break;
                    case RuleKind.Files:
                        foreach (var pattern in rule.Values)
                        {
                            var glob = Glob.Parse(pattern);
                            if (glob.LiteralPath is { } literal)
                            {
                                AddTo(_fileLiteralPaths, literal, target);
                            }
                            else if (glob.AnyFolderLiteralName is { } name)
                            {
                                AddTo(_fileAnyFolderNames, name, target);
                            }
                            else
                            {
                                _fileGlobs.Add((glob, target));
                            }
                        }

                        break;
                    case RuleKind.Config:
                        rule.Values.ToList().ForEach(key => _configKeys.Add((key, target)));
                        break;
                }
            }
        }

        Uses.Freeze();
        Calls.Freeze();
        Subclasses.Freeze();
        Decorates.Freeze();
        Imports.Freeze();
        AttributeCalls = Freeze(attributeCalls);
        DecoratesAttribute = Freeze(decoratesAttribute);
        Keywords = Freeze(keywords);
        Defines = Freeze(defines);
        Strings = Freeze(strings);
        for (var i = 0; i < nodes.Length; i++)
        {
            NodeTargets[i] = nodes[i]?.ToArray();
        }

        for (var i = 0; i < predicates.Length; i++)
        {
            PredicateTargets[i] = predicates[i]?.ToArray();
        }

        FirstSegments = resolvedNames.Select(FirstSegment).ToFrozenSet(StringComparer.Ordinal);
        Builtins = resolvedNames
            .Where(name => name.StartsWith("builtins.", StringComparison.Ordinal))
            .Select(name => FirstSegment(name["builtins.".Length..]))
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(name => name, name => "builtins." + name, StringComparer.Ordinal);
        ImportParents = Imports.Keys
            .SelectMany(ProperPrefixes)
            .ToFrozenSet(StringComparer.Ordinal);
    }

    private int FilterId(IReadOnlyList<string> inGlobs, IReadOnlyList<string> inFiles)
    {
        if (inGlobs.Count == 0 && inFiles.Count == 0)
        {
            return -1;
        }

        var key = string.Join('\n', inGlobs) + "\0" + string.Join('\n', inFiles);
        if (!_filterIds.TryGetValue(key, out var id))
        {
            id = _filters.Count;
            _filters.Add(new GlobFilter(
                inGlobs.Count > 0 ? new GlobSet(inGlobs) : null,
                inFiles.Count > 0 ? new GlobSet(inFiles) : null));
            _filterIds[key] = id;
        }

        return id;
    }

    private static string StripStar(string pattern) => pattern.EndsWith(".*", StringComparison.Ordinal) ? pattern[..^2] : pattern;

    private static string FirstSegment(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? name : name[..dot];
    }

    private static IEnumerable<string> ProperPrefixes(string name)
    {
        for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            yield return name[..dot];
        }
    }

    private static void AddAll(Dictionary<string, List<RuleTarget>> map, IEnumerable<string> keys, RuleTarget target)
    {
        foreach (var key in keys)
        {
            AddTo(map, key, target);
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

    private static FrozenDictionary<string, RuleTarget[]> Freeze(Dictionary<string, List<RuleTarget>> map) =>
        map.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
}

/// <summary>The files a rule looks at: those matching <c>in</c> (when given) and <c>in-files</c> (when given).</summary>
internal sealed class GlobFilter(GlobSet? inGlobs, GlobSet? inFiles)
{
    public bool IsMatch(string[] segments) =>
        (inGlobs is null || inGlobs.IsMatch(segments)) && (inFiles is null || inFiles.IsMatch(segments));
}
