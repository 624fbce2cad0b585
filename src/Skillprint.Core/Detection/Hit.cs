using Skillprint.Python;

namespace Skillprint.Core.Detection;

/// <summary>
/// One place where a file shows a skill: the skill, the file's path relative to the scanned root
/// (with '/' separators), the 1-based first and last line of the node the meaning names, and the
/// first line of the source at <see cref="Line"/>, trimmed to at most 120 characters (empty when
/// the text is not known).
/// </summary>
public sealed record Hit(string SkillId, string Path, int Line, int EndLine, string Snippet)
{
    /// <summary>For a hit about a whole function or class (a generator, a subclass, a test...):
    /// the last line of the function or class, whose lines from <see cref="Line"/> on decide who
    /// the hit is credited to (docs/levels.md, "Who a hit is credited to"). 0 for a hit about
    /// its own line, credited to that line's author.</summary>
    public int NodeEndLine { get; init; }
}

/// <summary>
/// What one file shows: its hits (at most one per skill and line, ordered by line, then skill id)
/// and the problems found reading it (syntax errors, undecodable text, a config file that is not
/// valid TOML), each with its line and column. A file with problems still gives the hits its valid
/// parts show.
/// </summary>
public sealed record FileDetection(IReadOnlyList<Hit> Hits, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The blank (empty or whitespace-only) lines of the file, in order, when a hit has a
    /// <see cref="Hit.NodeEndLine"/> (they do not count in crediting it); empty otherwise.</summary>
    public IReadOnlyList<int> BlankLines { get; init; } = [];
}
