using System.Buffers;
using System.Globalization;
using System.Text;

namespace Skillprint.Python.Lexing;

/// <summary>
/// Python identifiers beyond ASCII (Python Language Reference 2.3, PEP 3131): which characters may start or continue
/// a name, and the NFKC form under which CPython stores a name in the tree.
/// </summary>
/// <remarks>
/// XID_Start and XID_Continue are approximated with .NET's general categories plus the Other_ID_Start and
/// Other_ID_Continue characters; the few characters that XID leaves out because their NFKC form is not an
/// identifier (U+037A, some Arabic presentation forms) are accepted here where CPython rejects them.
/// </remarks>
public static partial class Identifiers
{
    private static Dictionary<int, string>? nfkc;

    /// <summary>
    /// The name as CPython stores it: ASCII names unchanged (no allocation), others in Unicode normalization form
    /// KC, as the parser does with every non-ASCII identifier (PEP 3131).
    /// </summary>
    /// <remarks>
    /// Under InvariantGlobalization (as Skillprint builds) .NET cannot normalize, so each character is mapped by
    /// its own NFKC form (tools/nfkc_identifiers.py). That is exact for single characters (ligatures, full-width
    /// and mathematical letters, compatibility ideographs...); a letter written as base plus combining mark stays
    /// decomposed where NFKC would compose it. With globalization on, .NET's own NFKC is used.
    /// </remarks>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Ascii.IsValid(name))
        {
            return name;
        }

        if (!AppContext.TryGetSwitch("System.Globalization.Invariant", out bool invariant) || !invariant)
        {
            try
            {
                return name.Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                return name; // a lone surrogate: the lexer has already reported the name
            }
            catch (PlatformNotSupportedException)
            {
                // fall back to the table
            }
        }

        var table = nfkc ??= LoadNfkc();
        var result = new StringBuilder(name.Length);
        for (int i = 0; i < name.Length; i++)
        {
            int cp = name[i];
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                cp = char.ConvertToUtf32(name[i], name[i + 1]);
                i++;
            }

            if (cp >= 0x80 && table.TryGetValue(cp, out string? mapped))
            {
                result.Append(mapped);
            }
            else if (cp >= 0x10000)
            {
                result.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                result.Append((char)cp);
            }
        }

        return result.ToString();
    }

    private static Dictionary<int, string> LoadNfkc()
    {
        var table = new Dictionary<int, string>(4000);
        var text = new StringBuilder();
        foreach (var row in NfkcTable.AsSpan().EnumerateLines())
        {
            if (row.IsEmpty)
            {
                continue;
            }

            int key = -1;
            text.Clear();
            foreach (var range in row.Split(' '))
            {
                int cp = int.Parse(row[range], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (key < 0)
                {
                    key = cp;
                }
                else
                {
                    text.Append(char.ConvertFromUtf32(cp));
                }
            }

            if (key >= 0)
            {
                table[key] = text.ToString();
            }
        }

        return table;
    }

    /// <summary>
    /// The char index of the first character that cannot stand where it stands in a name (the first must be a
    /// letter or underscore, the rest letters, digits, marks or connectors), or -1 when the whole span is a name.
    /// </summary>
    public static int FirstInvalid(ReadOnlySpan<char> name)
    {
        int i = 0;
        while (i < name.Length)
        {
            char c = name[i];
            if (c < 0x80)
            {
                bool ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' || (i > 0 && c is >= '0' and <= '9');
                if (!ok)
                {
                    return i;
                }

                i++;
                continue;
            }

            if (Rune.DecodeFromUtf16(name[i..], out var rune, out int used) != OperationStatus.Done)
            {
                return i;
            }

            if (!(i == 0 ? IsStart(rune.Value) : IsContinue(rune.Value)))
            {
                return i;
            }

            i += used;
        }

        return -1;
    }

    /// <summary>XID_Start, approximately.</summary>
    public static bool IsStart(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return codePoint is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';
        }

        if (!Rune.IsValid(codePoint))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(new Rune(codePoint)) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
            _ => codePoint is 0x1885 or 0x1886 or 0x2118 or 0x212E or 0x309B or 0x309C, // Other_ID_Start
        };
    }

    /// <summary>XID_Continue, approximately.</summary>
    public static bool IsContinue(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return codePoint is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or (>= '0' and <= '9');
        }

        if (IsStart(codePoint))
        {
            return true;
        }

        if (!Rune.IsValid(codePoint))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(new Rune(codePoint)) switch
        {
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.ConnectorPunctuation => true,
            // Other_ID_Continue, and the joiners Unicode 15.1 added to ID_Continue.
            _ => codePoint is 0x00B7 or 0x0387 or (>= 0x1369 and <= 0x1371) or 0x19DA or 0x200C or 0x200D or 0x30FB or 0xFF65,
        };
    }

    /// <summary>Python's str.isprintable for one character: false for controls, format characters, surrogates,
    /// private use, unassigned code points and separators other than the ASCII space.</summary>
    public static bool IsPrintable(int codePoint)
    {
        if (codePoint == ' ')
        {
            return true;
        }

        if (!Rune.IsValid(codePoint))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(new Rune(codePoint)) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.SpaceSeparator => false,
            _ => true,
        };
    }
}
