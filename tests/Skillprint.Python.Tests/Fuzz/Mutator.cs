using System.Text;

namespace Skillprint.Python.Tests.Fuzz;

/// <summary>
/// Makes broken variants of a Python file, reproducibly from a seed: deletes, duplicates or swaps
/// token-like pieces, truncates, inserts random bytes or brackets and quotes, deletes or
/// duplicates lines, breaks indentation. <see cref="Mutate"/> returns the bytes and a description
/// that, with the seed and the file, replays the case.
/// </summary>
internal static class Mutator
{
    private static readonly string[] Inserts = ["(", ")", "[", "]", "{", "}", ":", "\"", "'", "\"\"\"", "f\"", "t'", "\\", "\n", "\t", " ", "=", ",", "*", "**", "@", "lambda", "async ", "await ", "match ", "case ", "yield", "{x!r:{y}}", "\r", "\0", "#", "if", "else", "\n    ", "\x0c"];

    public static (byte[] Bytes, string Description) Mutate(byte[] source, int seed)
    {
        var random = new Random(seed);
        var pieces = Split(source);
        var rounds = 1 + random.Next(3);
        var description = new StringBuilder();
        for (var round = 0; round < rounds && pieces.Count > 0; round++)
        {
            var kind = random.Next(9);
            var at = random.Next(pieces.Count);
            switch (kind)
            {
                case 0:
                    description.Append($"delete piece {at}; ");
                    pieces.RemoveAt(at);
                    break;
                case 1:
                    description.Append($"duplicate piece {at}; ");
                    pieces.Insert(at, pieces[at]);
                    break;
                case 2:
                    var other = random.Next(pieces.Count);
                    description.Append($"swap pieces {at} and {other}; ");
                    (pieces[at], pieces[other]) = (pieces[other], pieces[at]);
                    break;
                case 3:
                    description.Append($"truncate at piece {at}; ");
                    pieces.RemoveRange(at, pieces.Count - at);
                    break;
                case 4:
                    var count = 1 + random.Next(8);
                    var bytes = new byte[count];
                    random.NextBytes(bytes);
                    description.Append($"insert {count} random bytes at piece {at}; ");
                    pieces.Insert(at, bytes);
                    break;
                case 5:
                    var insert = Inserts[random.Next(Inserts.Length)];
                    description.Append($"insert {Escape(insert)} at piece {at}; ");
                    pieces.Insert(at, Encoding.UTF8.GetBytes(insert));
                    break;
                case 6:
                    var (lineStart, lineEnd) = LineAround(pieces, at);
                    description.Append($"delete pieces {lineStart}..{lineEnd} (a line); ");
                    pieces.RemoveRange(lineStart, lineEnd - lineStart);
                    break;
                case 7:
                    var (start, end) = LineAround(pieces, at);
                    description.Append($"duplicate pieces {start}..{end} (a line); ");
                    pieces.InsertRange(start, pieces.GetRange(start, end - start));
                    break;
                default:
                    var spaces = random.Next(9);
                    description.Append($"insert indentation of {spaces} at piece {at}; ");
                    pieces.Insert(at, Encoding.ASCII.GetBytes("\n" + new string(' ', spaces)));
                    break;
            }
        }

        var result = new List<byte>(source.Length + 64);
        foreach (var piece in pieces)
        {
            result.AddRange(piece);
        }

        return (result.ToArray(), description.ToString().TrimEnd(' ', ';'));
    }

    // Token-like pieces: runs of letters and digits, runs of spaces, and every other byte alone.
    private static List<byte[]> Split(byte[] source)
    {
        var pieces = new List<byte[]>(source.Length / 3);
        var i = 0;
        while (i < source.Length)
        {
            var start = i;
            var b = source[i];
            if (IsWord(b))
            {
                while (i < source.Length && IsWord(source[i]))
                {
                    i++;
                }
            }
            else if (b == ' ')
            {
                while (i < source.Length && source[i] == ' ')
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            pieces.Add(source[start..i]);
        }

        return pieces;
    }

    private static bool IsWord(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_' or >= 0x80;

    private static (int Start, int End) LineAround(List<byte[]> pieces, int at)
    {
        var start = at;
        while (start > 0 && !(pieces[start - 1].Length == 1 && pieces[start - 1][0] == '\n'))
        {
            start--;
        }

        var end = at;
        while (end < pieces.Count && !(pieces[end].Length == 1 && pieces[end][0] == '\n'))
        {
            end++;
        }

        return (start, Math.Min(end + 1, pieces.Count));
    }

    private static string Escape(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\0", "\\0", StringComparison.Ordinal).Replace("\x0c", "\\f", StringComparison.Ordinal) + "\"";
}
