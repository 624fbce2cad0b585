namespace Skillprint.Core.Frameworks;

/// <summary>One file being read: its relative path and the error list every problem goes to.</summary>
internal sealed class FileContext(string path, List<FrameworkError> errors)
{
    public string Path { get; } = path;

    public int ErrorCount { get; private set; }

    public void Error(int line, int column, string message)
    {
        errors.Add(new FrameworkError(Path, line, column, message));
        ErrorCount++;
    }

    public void Error(YNode node, string message) => Error(node.Line, node.Column, message);

    public SourceLocation At(YNode node) => new(Path, node.Line, node.Column);

    /// <summary>The root of a file or an item as a mapping; an error (and null) for anything else.</summary>
    public YMapping? Mapping(YNode node, string what)
    {
        if (node is YMapping map)
        {
            return map;
        }

        Error(node, $"{what} must be a mapping of keys, not {node.Describe()}");
        return null;
    }
}

/// <summary>
/// The keys of one YAML mapping, read with their positions: unknown keys are reported when it is
/// made, and each accessor reports a missing required key or a value of the wrong type, then
/// returns null (or an empty list) so that reading goes on and every problem is found.
/// </summary>
internal sealed class Fields
{
    private readonly Dictionary<string, (YScalar Key, YNode Value)> entries = new(StringComparer.Ordinal);

    /// <param name="alsoAccepted">Keys that are reported elsewhere, so not as unknown here.</param>
    public Fields(FileContext file, YMapping map, string what, IReadOnlyList<string> keys, IReadOnlyList<string>? alsoAccepted = null)
    {
        File = file;
        Map = map;
        What = what;
        foreach (var (key, value) in map.Entries)
        {
            if (keys.Contains(key.Value, StringComparer.Ordinal))
            {
                entries[key.Value] = (key, value);
            }
            else if (alsoAccepted?.Contains(key.Value, StringComparer.Ordinal) != true)
            {
                file.Error(key, $"unknown key '{key.Value}' in {what} (expected one of: {string.Join(", ", keys)})");
            }
        }
    }

    public FileContext File { get; }

    public YMapping Map { get; }

    /// <summary>How messages name this mapping ("skill", "framework.yaml").</summary>
    public string What { get; }

    public SourceLocation Location => File.At(Map);

    public bool Has(string key) => entries.ContainsKey(key);

    /// <summary>The key node itself, to point errors at it.</summary>
    public YScalar? KeyOf(string key) => entries.TryGetValue(key, out var entry) ? entry.Key : null;

    /// <summary>The value of a key; null when absent or written with no value (reported if required).</summary>
    public YNode? Value(string key, bool required = false)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            if (required)
            {
                File.Error(Map, $"missing key '{key}' in {What}");
            }

            return null;
        }

        if (entry.Value is YScalar { IsNull: true })
        {
            if (required)
            {
                File.Error(entry.Key, $"missing value for '{key}' in {What}");
            }

            return null;
        }

        return entry.Value;
    }

    /// <summary>A text value (any scalar); a required one must not be blank.</summary>
    public string? Text(string key, bool required = false) => TextOf(key, Value(key, required), required);

    private string? TextOf(string key, YNode? node, bool required)
    {
        switch (node)
        {
            case null:
                return null;
            case YScalar scalar when required && string.IsNullOrWhiteSpace(scalar.Value):
                File.Error(scalar, $"'{key}' must not be empty");
                return null;
            case YScalar scalar:
                return scalar.Value;
            case var other:
                TypeError(key, other, "a text");
                return null;
        }
    }

    /// <summary>An id value (see <see cref="Syntax.IsId"/>).</summary>
    public string? Id(string key, bool required = false)
    {
        var node = Value(key, required);
        var text = TextOf(key, node, required);
        if (text is not null && !Syntax.IsId(text))
        {
            File.Error(node!, $"'{key}' must be {Syntax.IdRule}, not '{text}'");
        }

        return text;
    }

    public int? Integer(string key, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YScalar scalar && int.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        TypeError(key, node, "a whole number");
        return null;
    }

    public double? Number(string key, bool required = false)
    {
        var node = Value(key, required);
        if (node is null)
        {
            return null;
        }

        if (node is YScalar scalar && double.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        TypeError(key, node, "a number");
        return null;
    }

    /// <summary>A level by name in any case; <c>None</c> only where <paramref name="allowNone"/>.</summary>
    public Level? Level(string key, bool required = false, bool allowNone = false)
    {
        var node = Value(key, required);
        var text = TextOf(key, node, required);
        return text is null ? null : ParseLevel(File, node!, text, allowNone);
    }

    public static Level? ParseLevel(FileContext file, YNode node, string text, bool allowNone)
    {
        var expected = allowNone
            ? "expected None, Beginner, Intermediate, Advanced or Expert"
            : "expected Beginner, Intermediate, Advanced or Expert";
        if (!Levels.TryParse(text, out var level))
        {
            file.Error(node, $"unknown level '{text}' ({expected})");
            return null;
        }

        if (level == Core.Level.None && !allowNone)
        {
            file.Error(node, $"level None is not allowed here ({expected})");
            return null;
        }

        return level;
    }

    /// <summary>A list of text values, each with its node; empty when absent.</summary>
    public IReadOnlyList<(string Text, YScalar Node)> TextList(string key, bool required = false, bool nonEmpty = false)
    {
        var node = Value(key, required);
        var items = new List<(string, YScalar)>();
        switch (node)
        {
            case null:
                return items;
            case YSequence list:
                foreach (var item in list.Items)
                {
                    if (item is YScalar { IsNull: false } scalar)
                    {
                        items.Add((scalar.Value, scalar));
                    }
                    else
                    {
                        File.Error(item, $"each item of '{key}' must be a text, not {item.Describe()}{QuoteHint(item)}");
                    }
                }

                if (nonEmpty && list.Items.Count == 0)
                {
                    File.Error(list, $"'{key}' must list at least one item");
                }

                return items;
            default:
                TypeError(key, node, "a list");
                return items;
        }
    }

    /// <summary>A list of ids, each checked with <paramref name="isValid"/>; only the valid ones are returned.</summary>
    public IReadOnlyList<(string Text, YScalar Node)> IdList(string key, Func<string, bool> isValid, string rule, bool required = false, bool nonEmpty = false)
    {
        var items = TextList(key, required, nonEmpty);
        foreach (var (text, node) in items.Where(item => !isValid(item.Text)))
        {
            File.Error(node, $"'{text}' in '{key}' is not a valid id ({rule})");
        }

        return items.Where(item => isValid(item.Text)).ToList();
    }

    /// <summary>A list of mappings (skills, stages, cards...); items that are not mappings are reported.</summary>
    public IReadOnlyList<YMapping> Mappings(string key, string itemWhat, bool required = false, bool nonEmpty = false)
    {
        var node = Value(key, required);
        var maps = new List<YMapping>();
        switch (node)
        {
            case null:
                return maps;
            case YSequence list:
                maps.AddRange(list.Items.Select(item => File.Mapping(item, itemWhat)).OfType<YMapping>());
                if (nonEmpty && list.Items.Count == 0)
                {
                    File.Error(list, $"'{key}' must list at least one {itemWhat}");
                }

                return maps;
            default:
                TypeError(key, node, $"a list of {itemWhat} mappings");
                return maps;
        }
    }

    /// <summary>The entries of a mapping value (moved, targets), each value a text.</summary>
    public IReadOnlyList<(YScalar Key, YScalar? Value)> TextMap(string key)
    {
        var node = Value(key);
        var pairs = new List<(YScalar, YScalar?)>();
        switch (node)
        {
            case null:
                return pairs;
            case YMapping map:
                foreach (var (entryKey, value) in map.Entries)
                {
                    if (value is YScalar { IsNull: false } scalar)
                    {
                        pairs.Add((entryKey, scalar));
                    }
                    else
                    {
                        File.Error(value is YScalar ? entryKey : value, $"the value of '{entryKey.Value}' in '{key}' must be a text, not {value.Describe()}");
                        pairs.Add((entryKey, null));
                    }
                }

                return pairs;
            default:
                TypeError(key, node, "a mapping");
                return pairs;
        }
    }

    /// <summary>A text holding ": " reads as a mapping in YAML; say how to keep it a text.</summary>
    public static string QuoteHint(YNode node) =>
        node is YMapping { Entries.Count: 1 } ? " (put quotes around a text that holds ': ')" : "";

    public void TypeError(string key, YNode node, string expected) =>
        File.Error(node, $"'{key}' must be {expected}, not {node.Describe()}");
}
