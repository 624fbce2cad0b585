using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace Skillprint.Core.Detection.Toml;

/// <summary>
/// Reads TOML (1.1, which accepts every TOML 1.0 file) with Tomlyn's full-fidelity syntax parser
/// and its validation, then walks the syntax tree once: every table header and key with the line
/// its span starts on, and the values as a <see cref="TomlTable"/>. Never throws: Tomlyn's errors
/// become <see cref="TomlError"/>s (the first one on each line; the rest of a line is usually the
/// same mistake seen again), and what Tomlyn could read around them is kept. It replaced a
/// hand-written reader that was faster but let a quarter of toml-test's invalid files through
/// (docs/performance.md, "TOML").
/// </summary>
public static class TomlReader
{
    /// <summary>Nesting of arrays and inline tables beyond this is an error (so no input can exhaust the stack).</summary>
    public const int MaxDepth = 100;

    private static readonly TomlSerializerOptions Options = new() { MaxDepth = MaxDepth };

    public static TomlDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var walker = new Walker();
        try
        {
            var syntax = SyntaxParser.Parse(text, Options, sourceName: null, validate: true);
            walker.Walk(syntax);
            return walker.Result(ErrorsOf(syntax.Diagnostics));
        }
        catch (TomlException)
        {
            // The syntax parser refuses deep nesting with an exception that has no place; Tomlyn's
            // event parser stops at the same bracket and says where it is.
            return walker.Result([TooDeep(text)]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the library must not reach the caller: report it at the start of the file.
            return walker.Result([new TomlError(1, 1, "internal TOML reader error: " + e.Message)]);
        }
    }

    private static List<TomlError> ErrorsOf(DiagnosticsBag diagnostics)
    {
        var errors = new List<TomlError>();
        var lines = new HashSet<int>();
        foreach (var diagnostic in diagnostics)
        {
            var start = diagnostic.Span.Start;
            if (diagnostic.Kind == DiagnosticMessageKind.Error && lines.Add(start.Line))
            {
                errors.Add(new TomlError(start.Line + 1, start.Column + 1, diagnostic.Message));
            }
        }

        errors.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return errors;
    }

    private static TomlError TooDeep(string text)
    {
        var message = $"arrays and inline tables are nested more than {MaxDepth} deep";
        try
        {
            var parser = TomlParser.Create(text, new TomlParserOptions { Mode = TomlParserMode.Tolerant }, Options);
            while (parser.MoveNext())
            {
            }
        }
        catch (TomlException e) when (e.Line is int line && e.Column is int column)
        {
            return new TomlError(line, column, message);
        }

        return new TomlError(1, 1, message);
    }

    /// <summary>Turns the syntax tree into definitions (in file order) and a table of values.</summary>
    private sealed class Walker
    {
        private readonly TomlTable _root = new();
        private readonly List<TomlDefinition> _definitions = [];

        public TomlDocument Result(List<TomlError> errors) => new(_root, _definitions, errors);

        public void Walk(DocumentSyntax document)
        {
            foreach (var keyValue in document.KeyValues)
            {
                AddKeyValue(_root, [], keyValue, record: true);
            }

            foreach (var header in document.Tables)
            {
                if (header.Name is null || KeyParts(header.Name) is not { } path)
                {
                    continue;
                }

                var isArray = header is TableArraySyntax;
                var line = (header.OpenBracket?.Span ?? header.Span).Start.Line + 1;
                _definitions.Add(new TomlDefinition(path, isArray ? TomlDefinitionKind.ArrayTable : TomlDefinitionKind.Table, line));
                var table = Open(path, isArray);
                foreach (var keyValue in header.Items)
                {
                    AddKeyValue(table, path, keyValue, record: true);
                }
            }
        }

        /// <summary>
        /// Records a key (and the keys of an inline table that is its value) and adds its value to
        /// <paramref name="table"/>; a value that conflicts with what is there is left out, since
        /// Tomlyn's validation has already reported it.
        /// </summary>
        private void AddKeyValue(TomlTable? table, string[] tablePath, KeyValueSyntax? keyValue, bool record)
        {
            if (keyValue?.Key is null || KeyParts(keyValue.Key) is not { } key)
            {
                return;
            }

            string[] path = [.. tablePath, .. key];
            if (record)
            {
                _definitions.Add(new TomlDefinition(path, TomlDefinitionKind.Key, keyValue.Key.Span.Start.Line + 1));
            }

            var value = Value(keyValue.Value, path, record);
            if (table is not null && value is not null)
            {
                Navigate(table, key.AsSpan(0, key.Length - 1), throughArrays: false)?.TryAdd(key[^1], value);
            }
        }

        private object? Value(ValueSyntax? syntax, string[] path, bool record)
        {
            switch (syntax)
            {
                case StringValueSyntax text:
                    return text.Value;
                case IntegerValueSyntax integer:
                    return integer.Value;
                case FloatValueSyntax number:
                    return number.Value;
                case BooleanValueSyntax boolean:
                    return boolean.Value;
                case DateTimeValueSyntax dateTime:
                    return new TomlDateTime(dateTime.Token?.Text ?? dateTime.Value.ToString());
                case ArraySyntax array:
                    var items = new List<object>();
                    foreach (var item in array.Items)
                    {
                        if (Value(item.Value, [], record: false) is { } value)
                        {
                            items.Add(value);
                        }
                    }

                    return items;
                case InlineTableSyntax inline:
                    var table = new TomlTable();
                    foreach (var item in inline.Items)
                    {
                        AddKeyValue(table, path, item.KeyValue, record);
                    }

                    return table;
                default:
                    return null;
            }
        }

        /// <summary>The table a header opens: a new one for <c>[[x]]</c>, else the one at its path (made when missing).</summary>
        private TomlTable? Open(string[] path, bool isArray)
        {
            var parent = Navigate(_root, path.AsSpan(0, path.Length - 1), throughArrays: true);
            if (parent is null)
            {
                return null;
            }

            var last = path[^1];
            if (!parent.TryGetValue(last, out var existing))
            {
                existing = isArray ? new List<object>() : new TomlTable();
                parent.TryAdd(last, existing);
            }

            if (!isArray)
            {
                return existing as TomlTable;
            }

            if (existing is not List<object> list)
            {
                return null;
            }

            var table = new TomlTable();
            list.Add(table);
            return table;
        }

        /// <summary>Walks (and makes) the tables of a path; through an array of tables, its last table.</summary>
        private static TomlTable? Navigate(TomlTable start, ReadOnlySpan<string> path, bool throughArrays)
        {
            var table = start;
            foreach (var key in path)
            {
                if (!table.TryGetValue(key, out var next))
                {
                    next = new TomlTable();
                    table.TryAdd(key, next);
                }

                switch (next)
                {
                    case TomlTable nested:
                        table = nested;
                        break;
                    case List<object> { Count: > 0 } list when throughArrays && list[^1] is TomlTable last:
                        table = last;
                        break;
                    default:
                        return null;
                }
            }

            return table;
        }

        /// <summary>The parts of a dotted key, unquoted; null when the parser could not read one of them.</summary>
        private static string[]? KeyParts(KeySyntax key)
        {
            var parts = new List<string>();
            if (Simple(key.Key) is not { } first)
            {
                return null;
            }

            parts.Add(first);
            foreach (var item in key.DotKeys)
            {
                if (Simple(item.Key) is not { } part)
                {
                    return null;
                }

                parts.Add(part);
            }

            return [.. parts];
        }

        private static string? Simple(BareKeyOrStringValueSyntax? key) => key switch
        {
            BareKeySyntax bare => bare.Key?.Text,
            StringValueSyntax quoted => quoted.Value,
            _ => null,
        };
    }
}
