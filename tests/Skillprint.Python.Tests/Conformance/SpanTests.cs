using System.Text;
using Skillprint.Python.Syntax;

namespace Skillprint.Python.Tests.Conformance;

/// <summary>
/// Every span our parser gives lies in the text and inside its parent's, as in CPython: lines
/// from 1 to the last, columns within their line's UTF-8 bytes, start before end. The one place
/// CPython puts a child outside its parent is a decorator, which comes before its def or class
/// line; there the decorator must lie inside the grandparent. (The exact positions are compared
/// with CPython's by <see cref="CaseConformanceTests.CasePositionsAgreeWithCPython"/>.)
/// </summary>
public sealed class SpanTests
{
    private const string LibraryPrefix = "python3.11/";

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.ConformanceFolder, "Cases"), "*.py").Order(StringComparer.Ordinal))
        {
            data.Add("Cases/" + Path.GetFileName(file));
        }

        // A spread of real code: every 40th file of the 3.11 standard library.
        var library = RepositoryPaths.StandardLibrary("3.11.7");
        if (Directory.Exists(library))
        {
            foreach (var file in Directory.EnumerateFiles(library, "*.py", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/site-packages/", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Where((_, i) => i % 40 == 0))
            {
                data.Add(LibraryPrefix + Path.GetRelativePath(library, file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SpansLieInTheTextAndInsideTheirParent(string name)
    {
        var path = name.StartsWith(LibraryPrefix, StringComparison.Ordinal)
            ? Path.Combine(RepositoryPaths.StandardLibrary("3.11.7"), name[LibraryPrefix.Length..])
            : Path.Combine(RepositoryPaths.ConformanceFolder, name);
        var bytes = File.ReadAllBytes(path);
        var result = PythonParser.Parse(bytes);
        var text = Decode(bytes);
        var checker = new SpanChecker(LineLengths(text));

        checker.Visit(result.Module);

        checker.Problems.Take(10).ShouldBeEmpty();
    }

    [Fact]
    public void ChildOutsideItsParentIsFound()
    {
        // x = y, with the name y placed on a line after the assignment ends.
        var assign = new Assign([new Name("x", ExprContext.Store, 1, 0, 1, 1)], new Name("y", ExprContext.Load, 2, 0, 2, 1), 1, 0, 1, 5);
        var checker = new SpanChecker([5, 1]);

        checker.Visit(new Module([assign], []));

        checker.Problems.ShouldHaveSingleItem().ShouldContain("Name 2:0-2:1 is outside its parent Assign 1:0-1:5");
    }

    private static string Decode(byte[] bytes)
    {
        // Enough for these files: UTF-8, or Latin-1 where a file declares it (columns then count
        // the UTF-8 bytes of the decoded text, as CPython's do).
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static int[] LineLengths(string text)
    {
        var lengths = new List<int>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n' || text[i] == '\r')
            {
                lengths.Add(Encoding.UTF8.GetByteCount(text.AsSpan(start, i - start)));
                if (i < text.Length - 1 && text[i] == '\r' && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        return [.. lengths];
    }

    private sealed class SpanChecker(int[] lineLengths) : SyntaxWalker
    {
        private readonly List<LocatedNode> _ancestors = [];

        public List<string> Problems { get; } = [];

        public override void Visit(Node? node)
        {
            if (node is not LocatedNode located)
            {
                base.Visit(node);
                return;
            }

            CheckInText(located);
            if (Container(located) is { } parent && (Before(located.Line, located.Column, parent.Line, parent.Column) || Before(parent.EndLine, parent.EndColumn, located.EndLine, located.EndColumn)))
            {
                Problems.Add($"{Describe(located)} is outside its parent {Describe(parent)}");
            }

            _ancestors.Add(located);
            base.Visit(node);
            _ancestors.RemoveAt(_ancestors.Count - 1);
        }

        private LocatedNode? Container(LocatedNode node)
        {
            if (_ancestors.Count == 0)
            {
                return null;
            }

            var parent = _ancestors[^1];
            var decorators = parent switch
            {
                FunctionDef f => f.DecoratorList,
                AsyncFunctionDef f => f.DecoratorList,
                ClassDef c => c.DecoratorList,
                _ => null,
            };
            return decorators is not null && decorators.Contains(node)
                ? (_ancestors.Count > 1 ? _ancestors[^2] : null)
                : parent;
        }

        private void CheckInText(LocatedNode node)
        {
            var valid = node.Line >= 1 && node.EndLine >= node.Line && node.EndLine <= lineLengths.Length
                && node.Column >= 0 && node.Column <= lineLengths[node.Line - 1]
                && node.EndColumn >= 0 && node.EndColumn <= lineLengths[node.EndLine - 1]
                && !Before(node.EndLine, node.EndColumn, node.Line, node.Column);
            if (!valid)
            {
                Problems.Add($"{Describe(node)} is not a span of the text ({lineLengths.Length} lines)");
            }
        }

        private static bool Before(int line, int column, int otherLine, int otherColumn) =>
            line < otherLine || (line == otherLine && column < otherColumn);

        private static string Describe(LocatedNode node) => $"{node.NodeKind} {node.Line}:{node.Column}-{node.EndLine}:{node.EndColumn}";
    }
}
