using System.Globalization;

namespace Skillprint.Python.Lexing;

/// <summary>
/// Unicode character names for <c>\N{NAME}</c> escapes. .NET has no name table, so this knows: the names in
/// <see cref="Table"/> (Latin, Greek, Cyrillic, punctuation, symbols, arrows, mathematical operators, box drawing,
/// dingbats, full-width forms, common emoji, and every name the 3.11 and 3.13 standard libraries use; written by
/// tools/unicode_names.py), and the names Unicode derives by rule: CJK UNIFIED IDEOGRAPH-XXXX, CJK COMPATIBILITY
/// IDEOGRAPH-XXXX and HANGUL SYLLABLE ... Names are matched ignoring case, as CPython does. Aliases and other
/// names are unknown.
/// </summary>
public static partial class UnicodeNames
{
    private static Dictionary<string, int>? byName;

    private static readonly string[] LeadJamo =
        ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];

    private static readonly string[] VowelJamo =
        ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];

    private static readonly string[] TrailJamo =
        ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

    /// <summary>The code point of a character name, when known.</summary>
    public static bool TryGetCodePoint(ReadOnlySpan<char> name, out int codePoint)
    {
        codePoint = 0;
        if (name.Length == 0 || name.Length > 100)
        {
            return false;
        }

        if (TryDerived(name, out codePoint))
        {
            return true;
        }

        var lookup = (byName ??= Load()).GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.TryGetValue(name, out codePoint);
    }

    private static Dictionary<string, int> Load()
    {
        var names = new Dictionary<string, int>(6000, StringComparer.OrdinalIgnoreCase);
        foreach (var row in Table.AsSpan().EnumerateLines())
        {
            int space = row.IndexOf(' ');
            if (space > 0)
            {
                names[row[(space + 1)..].ToString()] = int.Parse(row[..space], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }
        }

        return names;
    }

    private static bool TryDerived(ReadOnlySpan<char> name, out int codePoint)
    {
        codePoint = 0;
        const string unified = "CJK UNIFIED IDEOGRAPH-";
        const string compatibility = "CJK COMPATIBILITY IDEOGRAPH-";
        const string hangul = "HANGUL SYLLABLE ";
        if (name.StartsWith(unified, StringComparison.OrdinalIgnoreCase))
        {
            return TryHex(name[unified.Length..], out codePoint) && IsUnifiedIdeograph(codePoint);
        }

        if (name.StartsWith(compatibility, StringComparison.OrdinalIgnoreCase))
        {
            return TryHex(name[compatibility.Length..], out codePoint)
                && codePoint is (>= 0xF900 and <= 0xFAD9) or (>= 0x2F800 and <= 0x2FA1D);
        }

        if (name.StartsWith(hangul, StringComparison.OrdinalIgnoreCase))
        {
            return TryHangul(name[hangul.Length..], out codePoint);
        }

        return false;
    }

    private static bool TryHex(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        return digits.Length is 4 or 5
            && int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }

    // The CJK Unified Ideographs blocks of Unicode 15.1 (the version CPython 3.13 uses).
    private static bool IsUnifiedIdeograph(int cp) => cp is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
        or (>= 0x20000 and <= 0x2A6DF) or (>= 0x2A700 and <= 0x2B739) or (>= 0x2B740 and <= 0x2B81D)
        or (>= 0x2B820 and <= 0x2CEA1) or (>= 0x2CEB0 and <= 0x2EBE0) or (>= 0x2EBF0 and <= 0x2EE5D)
        or (>= 0x30000 and <= 0x3134A) or (>= 0x31350 and <= 0x323AF);

    // Unicode 3.12, Conjoining Jamo Behavior: a syllable's name is its lead, vowel and trail jamo short names.
    private static bool TryHangul(ReadOnlySpan<char> rest, out int codePoint)
    {
        codePoint = 0;
        for (int l = 0; l < LeadJamo.Length; l++)
        {
            if (!rest.StartsWith(LeadJamo[l], StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var afterLead = rest[LeadJamo[l].Length..];
            for (int v = 0; v < VowelJamo.Length; v++)
            {
                if (!afterLead.StartsWith(VowelJamo[v], StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var afterVowel = afterLead[VowelJamo[v].Length..];
                for (int t = 0; t < TrailJamo.Length; t++)
                {
                    if (afterVowel.Equals(TrailJamo[t], StringComparison.OrdinalIgnoreCase))
                    {
                        codePoint = 0xAC00 + (((l * VowelJamo.Length) + v) * TrailJamo.Length) + t;
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
