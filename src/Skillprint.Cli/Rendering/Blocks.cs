using System.Text;
using Spectre.Console;

namespace Skillprint.Cli.Rendering;

/// <summary>One record shown as a block: a heading line, then "label: value" lines.</summary>
internal sealed record Block(string Heading, IReadOnlyList<(string Label, string Value)> Fields);

/// <summary>
/// Tables for wide terminals, blocks for narrow ones. A table of five or more text columns cannot
/// be read at 80 columns (cells split words mid-word), so below <see cref="NarrowBelow"/> columns a
/// command writes one block per row instead: the values wrapped at word boundaries under their
/// label, never split inside a word.
/// </summary>
internal static class Blocks
{
    /// <summary>Below this width the wide tables become blocks.</summary>
    public const int NarrowBelow = 110;

    public static bool IsNarrow(IAnsiConsole console) => console.Profile.Width < NarrowBelow;

    /// <summary>Writes the blocks, a blank line between two, every line at most
    /// <paramref name="width"/> characters (a single word longer than that stands alone).</summary>
    public static void Write(TextWriter output, int width, IEnumerable<Block> blocks)
    {
        var first = true;
        foreach (var block in blocks)
        {
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            foreach (var line in Wrap(block.Heading, width, ""))
            {
                output.WriteLine(line);
            }

            var labelWidth = block.Fields.Count == 0 ? 0 : block.Fields.Max(f => f.Label.Length) + 4;
            foreach (var (label, value) in block.Fields)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                var lines = Wrap(value, width - labelWidth, new string(' ', labelWidth)).ToList();
                output.WriteLine(("  " + label + ":").PadRight(labelWidth) + lines[0].TrimStart());
                foreach (var line in lines.Skip(1))
                {
                    output.WriteLine(line);
                }
            }
        }
    }

    /// <summary>A sentence wrapped at word boundaries to the width.</summary>
    public static void WriteWrapped(TextWriter output, int width, string text)
    {
        foreach (var line in Wrap(text, width, ""))
        {
            output.WriteLine(line);
        }
    }

    /// <summary>The text's words in lines of at most <paramref name="width"/> characters after
    /// <paramref name="indent"/>; line breaks in the text are kept.</summary>
    public static IEnumerable<string> Wrap(string text, int width, string indent)
    {
        width = Math.Max(20, width);
        foreach (var paragraph in text.Split('\n'))
        {
            var line = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    yield return indent + line;
                    line.Clear();
                }

                if (line.Length > 0)
                {
                    line.Append(' ');
                }

                line.Append(word);
            }

            yield return indent + line;
        }
    }

    /// <summary>The first <paramref name="shown"/> items joined by ", ", then "and N more".</summary>
    public static string Some(IReadOnlyList<string> items, int shown, string? more = null)
    {
        if (items.Count <= shown)
        {
            return string.Join(", ", items);
        }

        return string.Join(", ", items.Take(shown)) + $" and {items.Count - shown} more{(more is null ? "" : $" ({more})")}";
    }
}
