using System.Collections.Frozen;
using Skillprint.Python.Syntax;

namespace Skillprint.Core.Detection;

/// <summary>
/// The names a <c>node</c> detection rule may use: the concrete node classes of CPython's <c>ast</c>
/// module, spelled as ast spells them, mapped to the parser's <see cref="NodeKind"/>.
/// </summary>
public static class AstNodeNames
{
    /// <summary>ast name → node kind. Most kinds carry ast's name; a few ast classes are lower case.</summary>
    public static FrozenDictionary<string, NodeKind> Kinds { get; } = Enum.GetValues<NodeKind>()
        .ToFrozenDictionary(AstName, kind => kind, StringComparer.Ordinal);

    /// <summary>The ast class name of a node kind (<c>comprehension</c> for <see cref="NodeKind.Comprehension"/>).</summary>
    public static string AstName(NodeKind kind) => kind switch
    {
        NodeKind.Comprehension => "comprehension",
        NodeKind.Arguments => "arguments",
        NodeKind.Arg => "arg",
        NodeKind.Keyword => "keyword",
        NodeKind.Alias => "alias",
        NodeKind.WithItem => "withitem",
        NodeKind.MatchCase => "match_case",
        _ => kind.ToString(),
    };
}
