using Skillprint.Core.Detection;

namespace Skillprint.Core.Frameworks;

internal sealed partial class LoadRun
{
    private const string InFiles = "in-files";

    private static readonly string[] ConfigDefaultFiles = ["pyproject.toml", "setup.cfg"];

    private static readonly string AllKinds = string.Join(", ", RuleKinds.All.Select(kind => kind.Key()));

    /// <summary>A detection rule: exactly one kind key, the qualifiers its kind allows, valid values.</summary>
    private static DetectionRule? ReadRule(FileContext file, YMapping map)
    {
        // A key that names a kind is the rule's kind, unless it is a qualifier of another kind key
        // beside it ('keywords' is a kind, and a qualifier of 'calls').
        var kindKeys = map.Entries.Select(entry => entry.Key).Where(key => RuleKinds.TryParse(key.Value, out _)).ToList();
        kindKeys.RemoveAll(key => kindKeys.Any(other =>
            RuleKinds.TryParse(other.Value, out var otherKind) && otherKind.Qualifiers().Contains(key.Value, StringComparer.Ordinal)));
        if (kindKeys.Count == 0)
        {
            file.Error(map, $"detection rule has no kind (expected one of: {AllKinds})");
            return null;
        }

        RuleKinds.TryParse(kindKeys[0].Value, out var kind);
        foreach (var extra in kindKeys.Skip(1))
        {
            file.Error(extra, $"detection rule has two kinds, '{kind.Key()}' and '{extra.Value}' (write one rule for each)");
        }

        string[] allowed = [kind.Key(), .. kind.Qualifiers(), InFiles];
        var fields = new Fields(file, map, $"'{kind.Key()}' rule", allowed, kindKeys.Skip(1).Select(key => key.Value).ToList());
        var values = Values(fields, kind.Key(), required: true);
        foreach (var (value, node) in values)
        {
            if (CheckValue(kind, value) is { } problem)
            {
                file.Error(node, problem);
            }
        }

        var keywords = Checked(fields, "keywords", Syntax.IsPythonName, "a Python name (letters, digits and '_')");
        var of = Checked(fields, "of", Syntax.IsNamePattern, NamePatternRule);
        var except = Checked(fields, "except", Syntax.IsNamePattern, NamePatternRule);
        var inGlobs = Checked(fields, "in", IsGlob, "a file glob");
        if (kind == RuleKind.Config && !fields.Has("in"))
        {
            inGlobs = ConfigDefaultFiles;
        }

        var inFiles = Checked(fields, InFiles, IsGlob, "a file glob");
        return new DetectionRule(kind, values.Select(item => item.Text).ToList(), keywords, of, inGlobs, inFiles, fields.Location) { Except = except };
    }

    private const string NamePatternRule = "a dotted Python name such as asyncio.Queue, or one followed by '.*' such as click.*";

    /// <summary>Why one value does not fit its kind, or null when it does.</summary>
    private static string? CheckValue(RuleKind kind, string value)
    {
        var key = kind.Key();
        switch (kind)
        {
            case RuleKind.Imports or RuleKind.Uses when !Syntax.IsQualifiedName(value):
                return $"'{value}' in '{key}' is not a dotted Python name (such as asyncio.Queue)";
            case RuleKind.Calls or RuleKind.Subclasses or RuleKind.Decorates when !Syntax.IsNamePattern(value):
                return $"'{value}' in '{key}' is not {NamePatternRule}";
            case RuleKind.DecoratesAttribute or RuleKind.AttributeCalls or RuleKind.Keywords or RuleKind.Defines when !Syntax.IsPythonName(value):
                return $"'{value}' in '{key}' is not a Python name (letters, digits and '_', no dots)";
            case RuleKind.Node when !AstNodeNames.Kinds.ContainsKey(value):
                var near = AstNodeNames.Kinds.Keys.FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
                return near is not null
                    ? $"unknown ast node kind '{value}' (did you mean '{near}'?)"
                    : $"unknown ast node kind '{value}' (expected a class name of CPython's ast module, such as AsyncWith or ListComp)";
            case RuleKind.Predicate when !Predicates.Names.Contains(value):
                return $"unknown predicate '{value}' (expected one of: {string.Join(", ", Predicates.All)})";
            case RuleKind.Files when !IsGlob(value):
                return $"'{value}' in '{key}' is not a file glob";
            case RuleKind.Config when !Syntax.IsConfigKey(value):
                return $"'{value}' in '{key}' is not a dotted key (such as tool.mypy)";
            default:
                return null;
        }
    }

    private static bool IsGlob(string text) => !string.IsNullOrWhiteSpace(text);

    /// <summary>The values of a qualifier, each checked; empty when the qualifier is absent.</summary>
    private static IReadOnlyList<string> Checked(Fields fields, string key, Func<string, bool> isValid, string rule)
    {
        var values = Values(fields, key, required: false);
        foreach (var (value, node) in values.Where(item => !isValid(item.Text)))
        {
            fields.File.Error(node, $"'{value}' in '{key}' is not {rule}");
        }

        return values.Select(item => item.Text).ToList();
    }

    /// <summary>One text or a list of texts, at least one, none empty.</summary>
    private static List<(string Text, YScalar Node)> Values(Fields fields, string key, bool required)
    {
        var values = new List<(string, YScalar)>();
        var node = fields.Value(key, required);
        IReadOnlyList<YNode> items = node switch
        {
            null => [],
            YScalar scalar => [scalar],
            YSequence list => list.Items,
            _ => [],
        };
        if (node is YMapping)
        {
            fields.TypeError(key, node, "a text or a list of texts");
        }
        else if (node is YSequence { Items.Count: 0 })
        {
            fields.File.Error(node, $"'{key}' must name at least one value");
        }

        foreach (var item in items)
        {
            if (item is YScalar { IsNull: false } scalar && !string.IsNullOrWhiteSpace(scalar.Value))
            {
                values.Add((scalar.Value, scalar));
            }
            else
            {
                fields.File.Error(item, $"each value of '{key}' must be a non-empty text, not {item.Describe()}{Fields.QuoteHint(item)}");
            }
        }

        return values;
    }
}
