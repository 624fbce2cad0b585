namespace Skillprint.Core.Detection.Toml;

/// <summary>What a definition in a TOML file defines.</summary>
public enum TomlDefinitionKind
{
    /// <summary>A <c>[table]</c> header.</summary>
    Table,

    /// <summary>A <c>[[array.of.tables]]</c> header.</summary>
    ArrayTable,

    /// <summary>A <c>key = value</c> line, or a key inside an inline table.</summary>
    Key,
}

/// <summary>
/// One table header or key of a TOML file, with its full path (the enclosing table's path, then
/// the key's dotted parts, unquoted) and the 1-based line it is written on.
/// </summary>
public sealed record TomlDefinition(IReadOnlyList<string> Path, TomlDefinitionKind Kind, int Line)
{
    /// <summary>The path joined by dots (<c>tool.mypy</c>, <c>project.scripts.skillprint</c>).</summary>
    public string DottedPath => string.Join('.', Path);
}

/// <summary>A problem in a TOML file, at a 1-based line and column.</summary>
public sealed record TomlError(int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}

/// <summary>A TOML offset, local or plain date, or time, kept as written (<c>1979-05-27T07:32:00Z</c>).</summary>
public sealed record TomlDateTime(string Text);

/// <summary>
/// A TOML table: keys in the order written. Values are <see cref="string"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="TomlDateTime"/>, <see cref="TomlTable"/>
/// and <see cref="List{T}"/> of values (arrays, and arrays of tables).
/// </summary>
public sealed class TomlTable
{
    private readonly Dictionary<string, object> _values = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public IReadOnlyList<string> Keys => _order;

    public int Count => _order.Count;

    public object this[string key] => _values[key];

    public bool TryGetValue(string key, out object value) => _values.TryGetValue(key, out value!);

    /// <summary>Adds a key; false when the table already has it.</summary>
    internal bool TryAdd(string key, object value)
    {
        if (!_values.TryAdd(key, value))
        {
            return false;
        }

        _order.Add(key);
        return true;
    }

    /// <summary>The value at a dotted path of keys through nested tables, or null.</summary>
    public object? Find(params string[] path)
    {
        object current = this;
        foreach (var key in path)
        {
            if (current is not TomlTable table || !table.TryGetValue(key, out current!))
            {
                return null;
            }
        }

        return current;
    }
}

/// <summary>
/// A TOML file as read: its root table, every header and key with its line (in file order), and
/// the problems found. A file with problems still gives what was read around them.
/// </summary>
public sealed record TomlDocument(TomlTable Root, IReadOnlyList<TomlDefinition> Definitions, IReadOnlyList<TomlError> Errors)
{
    public bool Success => Errors.Count == 0;
}
