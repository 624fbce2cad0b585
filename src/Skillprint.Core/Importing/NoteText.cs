using System.Text;

namespace Skillprint.Core.Importing;

/// <summary>Text clean-up for imported notes: repairing mojibake, dropping emoji prefixes, making ids.</summary>
internal static class NoteText
{
    private static readonly Lazy<Encoding?> MacRoman = new(LoadMacRoman);

    /// <summary>Undoes the commonest mojibake: UTF-8 bytes that were read as Mac Roman and written back as
    /// UTF-8 (seed 004's "üìå" is "📌"). The text is changed only when every character maps back to one
    /// Mac Roman byte and those bytes are valid UTF-8, which plain text with real accents never is.</summary>
    public static string RepairMojibake(string text)
    {
        var encoding = MacRoman.Value;
        if (encoding is null || text.All(c => c < 0x80))
        {
            return text;
        }

        try
        {
            var bytes = encoding.GetBytes(text);
            var strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
            var repaired = strictUtf8.GetString(bytes);
            // A faithful round trip is the proof that every character was one Mac Roman byte.
            return string.Equals(encoding.GetString(bytes), text, StringComparison.Ordinal) ? repaired : text;
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
        catch (EncoderFallbackException)
        {
            return text;
        }
    }

    private static Encoding? LoadMacRoman()
    {
        try
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(
                10000, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (NotSupportedException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Drops leading words that hold no ASCII letter or digit: emoji, mojibake of emoji, bullets
    /// ("🥉 Easy", "ü•â Easy" and "• Easy" all give "Easy").</summary>
    public static string StripDecoration(string text)
    {
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            var end = 0;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
            {
                end++;
            }

            var word = rest[..end];
            if (word.Any(char.IsAsciiLetterOrDigit))
            {
                break;
            }

            rest = rest[end..].TrimStart();
        }

        return rest;
    }

    /// <summary>Makes a framework id of any text: lower-case ASCII letters and digits joined by single
    /// hyphens ("80/20 Roadmap" gives "80-20-roadmap"). Accented letters lose their accents; anything
    /// else separates words. At most <paramref name="maxWords"/> words. Empty when nothing is left.</summary>
    public static string ToId(string text, int maxWords = 8)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (Unaccented(c) is { } plain)
            {
                current.Append(plain);
            }
            else if (c is '\'' or '\u2019')
            {
                // "What's" is one word
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return string.Join('-', words.Take(maxWords));
    }

    // Latin letters with accents and their plain letters, for ids ("Café" gives "cafe"). A table rather
    // than Unicode decomposition: the build runs with invariant globalization, which does not decompose.
    private const string Accented = "àáâãäåāăąçćčďđèéêëēĕėęěìíîïĩīĭįłñńňòóôõöøōŏőŕřśşšţťùúûüũūŭůűųýÿźżžß";
    private const string PlainLetters = "aaaaaaaaacccddeeeeeeeeeiiiiiiiilnnnooooooooorrsssttuuuuuuuuuuyyzzzs";

    private static char? Unaccented(char c)
    {
        var index = Accented.IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
        return index < 0 ? null : PlainLetters[index];
    }

    /// <summary>Returns <paramref name="wanted"/> (or <paramref name="fallback"/> when empty), made unique
    /// within <paramref name="taken"/> by a numeric suffix, and records it as taken.</summary>
    public static string Unique(string wanted, string fallback, ISet<string> taken)
    {
        var id = wanted.Length == 0 ? fallback : wanted;
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{id}-{n}";
        }

        return candidate;
    }

    /// <summary>"python-profile" or "python_profile" as a name: "Python Profile".</summary>
    public static string Humanize(string fileStem)
    {
        var words = fileStem.Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>The first sentence of a text, or the whole text when it has one sentence.</summary>
    public static string FirstSentence(string text, int maxLength = 300)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        for (var i = 0; i < flat.Length - 1; i++)
        {
            if (flat[i] is '.' or '!' or '?' && flat[i + 1] == ' ')
            {
                flat = flat[..(i + 1)];
                break;
            }
        }

        return flat.Length <= maxLength ? flat : flat[..maxLength].TrimEnd() + "…";
    }
}
