using System.Text;

namespace Skillprint.Cli.Rendering;

/// <summary>A GitHub-flavoured Markdown table, for the `--format markdown` twin of a terminal table.</summary>
internal static class MarkdownTable
{
    public static string Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers.Select(Cell)).Append(" |\n");
        text.Append('|').AppendJoin('|', headers.Select(_ => "---")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>One line, with the pipe escaped so that it stays inside its cell.</summary>
    private static string Cell(string? value) =>
        (value ?? "").ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal).Trim();
}
