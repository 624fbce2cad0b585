using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Skillprint.Core.Frameworks;

/// <summary>A YAML node with the 1-based line and column where it starts in its file.</summary>
internal abstract class YNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>How an error message names what was found ("a list", "'abc'").</summary>
    public abstract string Describe();
}

internal sealed class YScalar(int line, int column, string value, bool isNull) : YNode(line, column)
{
    public string Value { get; } = value;

    /// <summary>A plain empty value, <c>~</c> or <c>null</c>: written as no value.</summary>
    public bool IsNull { get; } = isNull;

    public override string Describe() => IsNull ? "no value" : $"'{Value}'";
}

internal sealed class YSequence(int line, int column, IReadOnlyList<YNode> items) : YNode(line, column)
{
    public IReadOnlyList<YNode> Items { get; } = items;

    public override string Describe() => "a list";
}

internal sealed class YMapping(int line, int column, IReadOnlyList<(YScalar Key, YNode Value)> entries) : YNode(line, column)
{
    public IReadOnlyList<(YScalar Key, YNode Value)> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}

/// <summary>
/// Reads YAML text into a small tree that keeps every node's position, built from YamlDotNet's parser
/// events. Syntax errors, duplicate keys, keys that are not plain values, unknown aliases and extra
/// documents become errors; then the root is null (syntax) or the offending part is left out.
/// </summary>
internal sealed class YamlTree
{
    private const int MaxDepth = 64;

    private readonly IParser parser;
    private readonly int lineOffset;
    private readonly Action<int, int, string> error;
    private readonly Dictionary<string, YNode> anchors = new(StringComparer.Ordinal);

    /// <summary>Where the last node read starts: the place of a failure the reader cannot place.</summary>
    private Mark last = new(0, 1, 1);

    private YamlTree(string text, int lineOffset, Action<int, int, string> error)
    {
        parser = new Parser(new StringReader(text));
        this.lineOffset = lineOffset;
        this.error = error;
    }

    /// <summary>
    /// Parses one YAML document. <paramref name="lineOffset"/> is added to every line (the lines
    /// before the front matter of a Markdown file). Returns null for an empty text or a syntax error.
    /// </summary>
    public static YNode? Parse(string text, int lineOffset, Action<int, int, string> error)
    {
        var tree = new YamlTree(text, lineOffset, error);
        try
        {
            return tree.ReadStream();
        }
        catch (YamlException e)
        {
            // An open bracket the reader ran past explains the failure better than where it stopped.
            var (line, column) = ((int)e.Start.Line, (int)e.Start.Column);
            if (YamlFlowCheck.Find(text, lineOffset) is { } flow && (flow.Line < line || (flow.Line == line && flow.Column <= column)))
            {
                error(flow.Line + lineOffset, flow.Column, flow.Message);
            }
            else
            {
                error(line + lineOffset, column, $"YAML syntax error: {Sentence(e.Message)}");
            }

            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way, with no position, on a flow collection left open
            // before lines that are not indented into it.
            if (YamlFlowCheck.Find(text, lineOffset) is { } flow)
            {
                error(flow.Line + lineOffset, flow.Column, flow.Message);
            }
            else
            {
                tree.Error(tree.last, "YAML syntax error after this point (the YAML reader gave no reason)");
            }

            return null;
        }
    }

    private YNode? ReadStream()
    {
        Expect<StreamStart>();
        if (parser.Accept<StreamEnd>(out _))
        {
            return null;
        }

        Expect<DocumentStart>();
        var root = ReadNode(0);
        Expect<DocumentEnd>();
        if (parser.Current is DocumentStart extra)
        {
            Error(extra.Start, "only one YAML document is allowed here");
        }

        return root is YScalar { IsNull: true } ? null : root;
    }

    private YNode? ReadNode(int depth)
    {
        var current = parser.Current ?? throw new InvalidOperationException("YAML parser ended unexpectedly");
        last = current.Start;
        parser.MoveNext();
        if (depth > MaxDepth)
        {
            Error(current.Start, $"nested more than {MaxDepth} levels deep");
            SkipRest(current);
            return null;
        }

        YNode? node;
        switch (current)
        {
            case Scalar scalar:
                node = new YScalar(Line(scalar.Start), (int)scalar.Start.Column, scalar.Value, IsNull(scalar));
                break;
            case SequenceStart start:
                var items = new List<YNode>();
                while (!parser.Accept<SequenceEnd>(out _))
                {
                    if (ReadNode(depth + 1) is { } item)
                    {
                        items.Add(item);
                    }
                }

                parser.MoveNext();
                node = new YSequence(Line(start.Start), (int)start.Start.Column, items);
                break;
            case MappingStart start:
                node = ReadMapping(start, depth);
                break;
            case AnchorAlias alias:
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                Error(alias.Start, $"unknown alias '*{alias.Value.Value}'");
                return null;
            default:
                Error(current.Start, "unexpected YAML content");
                return null;
        }

        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            anchors[anchored.Anchor.Value] = node;
        }

        return node;
    }

    private YMapping ReadMapping(MappingStart start, int depth)
    {
        var entries = new List<(YScalar, YNode)>();
        var seen = new Dictionary<string, YScalar>(StringComparer.Ordinal);
        while (!parser.Accept<MappingEnd>(out _))
        {
            var keyStart = parser.Current!.Start;
            var key = ReadNode(depth + 1);
            var value = ReadNode(depth + 1) ?? new YScalar(Line(keyStart), (int)keyStart.Column, "", true);
            if (key is not YScalar scalarKey)
            {
                Error(keyStart, "a key must be a plain value, not a list or a mapping");
            }
            else if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                error(scalarKey.Line, scalarKey.Column, $"duplicate key '{scalarKey.Value}' (first at line {first.Line})");
            }
            else
            {
                seen.Add(scalarKey.Value, scalarKey);
                entries.Add((scalarKey, value));
            }
        }

        parser.MoveNext();
        return new YMapping(Line(start.Start), (int)start.Start.Column, entries);
    }

    /// <summary>Skips the rest of a collection too deep to read.</summary>
    private void SkipRest(ParsingEvent opened)
    {
        var open = opened is SequenceStart or MappingStart ? 1 : 0;
        while (open > 0 && parser.Current is { } current)
        {
            open += current switch
            {
                SequenceStart or MappingStart => 1,
                SequenceEnd or MappingEnd => -1,
                _ => 0,
            };
            parser.MoveNext();
        }
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (parser.Current is null)
        {
            parser.MoveNext();
        }

        if (parser.Current is not T)
        {
            throw new YamlException(parser.Current?.Start ?? Mark.Empty, parser.Current?.End ?? Mark.Empty, $"expected {typeof(T).Name}");
        }

        parser.MoveNext();
    }

    private static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    private int Line(Mark mark) => (int)mark.Line + lineOffset;

    private void Error(Mark mark, string message) => error(Line(mark), (int)mark.Column, message);

    private static string Sentence(string message)
    {
        var text = message.Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
