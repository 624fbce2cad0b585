using System.Text;
using Skillprint.Python.Syntax;

namespace Skillprint.Python.Tests.Parsing;

/// <summary>A tree written as its node kinds in depth-first order, for tests that read as trees.</summary>
internal sealed class TreeShape : SyntaxWalker
{
    private readonly StringBuilder _text = new();

    public static string Of(Node node)
    {
        var shape = new TreeShape();
        shape.Visit(node);
        return shape._text.ToString();
    }

    public static ParseResult ParseOk(string source)
    {
        var result = PythonParser.Parse(source);
        result.Diagnostics.ShouldBeEmpty($"source: {source}");
        return result;
    }

    public override void Visit(Node? node)
    {
        if (node is null)
        {
            return;
        }

        if (_text.Length > 0)
        {
            _text.Append(' ');
        }

        _text.Append(node.NodeKind);
        base.Visit(node);
    }
}
