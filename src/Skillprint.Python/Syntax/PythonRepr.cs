using System.Globalization;
using System.Numerics;
using System.Text;

namespace Skillprint.Python.Syntax;

/// <summary>
/// Python's <c>repr</c> of the values a <see cref="Constant"/> holds, character for character as
/// CPython 3.13 writes them (Objects/unicodeobject.c unicode_repr, Objects/bytesobject.c
/// PyBytes_Repr, Python/pystrtod.c for floats). Which characters a str repr shows as they are
/// follows Python's <c>str.isprintable</c>: .NET's Unicode categories, less the characters Unicode 16
/// added that Python 3.13 (Unicode 15.1) does not know yet.
/// </summary>
public static class PythonRepr
{
    private const string HexDigits = "0123456789abcdef";

    // Characters that Unicode 16 assigned (so .NET 10 shows them) but that Python 3.13, on
    // Unicode 15.1, still counts as unassigned and so escapes: pairs of first and last code point,
    // in order. Found by comparing str.isprintable of 3.13 with .NET over every code point.
    private static readonly int[] UnassignedInPython313 =
    [
        0x0897, 0x0897,
        0x1B4E, 0x1B4F,
        0x1B7F, 0x1B7F,
        0x1C89, 0x1C8A,
        0x2427, 0x2429,
        0x31E4, 0x31E5,
        0xA7CB, 0xA7CD,
        0xA7DA, 0xA7DC,
        0x105C0, 0x105F3,
        0x10D40, 0x10D65,
        0x10D69, 0x10D85,
        0x10D8E, 0x10D8F,
        0x10EC2, 0x10EC4,
        0x10EFC, 0x10EFC,
        0x11380, 0x11389,
        0x1138B, 0x1138B,
        0x1138E, 0x1138E,
        0x11390, 0x113B5,
        0x113B7, 0x113C0,
        0x113C2, 0x113C2,
        0x113C5, 0x113C5,
        0x113C7, 0x113CA,
        0x113CC, 0x113D5,
        0x113D7, 0x113D8,
        0x113E1, 0x113E2,
        0x116D0, 0x116E3,
        0x11BC0, 0x11BE1,
        0x11BF0, 0x11BF9,
        0x11F5A, 0x11F5A,
        0x13460, 0x143FA,
        0x16100, 0x16139,
        0x16D40, 0x16D79,
        0x18CFF, 0x18CFF,
        0x1CC00, 0x1CCF9,
        0x1CD00, 0x1CEB3,
        0x1E5D0, 0x1E5FA,
        0x1E5FF, 0x1E5FF,
        0x1F8B2, 0x1F8BB,
        0x1F8C0, 0x1F8C1,
        0x1FA89, 0x1FA89,
        0x1FA8F, 0x1FA8F,
        0x1FABE, 0x1FABE,
        0x1FAC6, 0x1FAC6,
        0x1FADC, 0x1FADC,
        0x1FADF, 0x1FADF,
        0x1FAE9, 0x1FAE9,
        0x1FBCB, 0x1FBEF,
    ];

    /// <summary>Appends <c>repr(value)</c> for any constant value (None, bool, int, float, complex, str, bytes, Ellipsis).</summary>
    public static void AppendValue(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("None");
                break;
            case string s:
                AppendString(text, s);
                break;
            case bool b:
                text.Append(b ? "True" : "False");
                break;
            case long l:
                text.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case int i:
                text.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case ulong u:
                text.Append(u.ToString(CultureInfo.InvariantCulture));
                break;
            case BigInteger big:
                text.Append(big.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                AppendFloat(text, d);
                break;
            case Complex c:
                AppendComplex(text, c);
                break;
            case byte[] bytes:
                AppendBytes(text, bytes);
                break;
            case EllipsisValue:
                text.Append("Ellipsis");
                break;
            case SurrogateString surrogates:
                AppendCodePoints(text, surrogates.CodePoints);
                break;
            default:
                throw new ArgumentException("not a Python constant value: " + value.GetType().Name, nameof(value));
        }
    }

    /// <summary>repr of a str: single quotes unless the text holds ' and no ", escapes as unicode_repr.</summary>
    public static void AppendString(StringBuilder text, string value)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        text.Append(quote);
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // The common case: printable ASCII other than the quote and the backslash goes as is.
            if (c >= ' ' && c < 0x7f && c != quote && c != '\\')
            {
                continue;
            }

            int codePoint = c;
            var width = 1;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, value[i + 1]);
                width = 2;
            }

            if (c >= 0x80 && IsPrintable(codePoint))
            {
                i += width - 1;
                continue;
            }

            text.Append(value, runStart, i - runStart);
            switch (c)
            {
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                default:
                    if (c == quote)
                    {
                        text.Append('\\').Append(c);
                    }
                    else if (codePoint < 0x100)
                    {
                        AppendHex(text.Append("\\x"), codePoint, 2);
                    }
                    else if (codePoint < 0x10000)
                    {
                        AppendHex(text.Append("\\u"), codePoint, 4);
                    }
                    else
                    {
                        AppendHex(text.Append("\\U"), codePoint, 8);
                    }

                    break;
            }

            i += width - 1;
            runStart = i + 1;
        }

        text.Append(value, runStart, value.Length - runStart).Append(quote);
    }

    /// <summary>repr of a str given as code points (surrogates stay single code points, as in Python).</summary>
    public static void AppendCodePoints(StringBuilder text, IReadOnlyList<int> codePoints)
    {
        var hasSingle = false;
        var hasDouble = false;
        foreach (var codePoint in codePoints)
        {
            hasSingle |= codePoint == '\'';
            hasDouble |= codePoint == '"';
        }

        var quote = hasSingle && !hasDouble ? '"' : '\'';
        text.Append(quote);
        foreach (var codePoint in codePoints)
        {
            AppendCodePoint(text, codePoint, quote);
        }

        text.Append(quote);
    }

    private static void AppendCodePoint(StringBuilder text, int codePoint, char quote)
    {
        switch (codePoint)
        {
            case '\\':
                text.Append("\\\\");
                return;
            case '\t':
                text.Append("\\t");
                return;
            case '\n':
                text.Append("\\n");
                return;
            case '\r':
                text.Append("\\r");
                return;
        }

        if (codePoint == quote)
        {
            text.Append('\\').Append(quote);
        }
        else if (codePoint is >= ' ' and < 0x7f || (codePoint >= 0x80 && IsPrintable(codePoint)))
        {
            if (codePoint < 0x10000)
            {
                text.Append((char)codePoint);
            }
            else
            {
                text.Append(char.ConvertFromUtf32(codePoint));
            }
        }
        else if (codePoint < 0x100)
        {
            AppendHex(text.Append("\\x"), codePoint, 2);
        }
        else if (codePoint < 0x10000)
        {
            AppendHex(text.Append("\\u"), codePoint, 4);
        }
        else
        {
            AppendHex(text.Append("\\U"), codePoint, 8);
        }
    }

    /// <summary>repr of bytes: b'...' with \t \n \r, \\, the quote and \xhh for the rest outside printable ASCII.</summary>
    public static void AppendBytes(StringBuilder text, ReadOnlySpan<byte> value)
    {
        var quote = value.Contains((byte)'\'') && !value.Contains((byte)'"') ? '"' : '\'';
        text.Append('b').Append(quote);
        foreach (var b in value)
        {
            if (b == quote || b == '\\')
            {
                text.Append('\\').Append((char)b);
            }
            else if (b == '\t')
            {
                text.Append("\\t");
            }
            else if (b == '\n')
            {
                text.Append("\\n");
            }
            else if (b == '\r')
            {
                text.Append("\\r");
            }
            else if (b < ' ' || b >= 0x7f)
            {
                AppendHex(text.Append("\\x"), b, 2);
            }
            else
            {
                text.Append((char)b);
            }
        }

        text.Append(quote);
    }

    /// <summary>
    /// repr of a float: the shortest digits that read back to the same double, written in fixed
    /// notation with at least one decimal (<c>1.0</c>, <c>0.0001</c>) when the decimal exponent is
    /// between -4 and 15, else in exponent notation (<c>1e+16</c>, <c>1.5e-05</c>); inf and nan.
    /// </summary>
    public static void AppendFloat(StringBuilder text, double value) => AppendFloat(text, value, addDotZero: true);

    /// <summary>
    /// repr of a complex number. A literal like <c>2j</c> has a real part of +0 and prints as the
    /// imaginary part alone without a forced ".0" (<c>2j</c>, <c>1.5j</c>, <c>infj</c>); anything
    /// else prints as <c>(re+imj)</c>.
    /// </summary>
    public static void AppendComplex(StringBuilder text, Complex value)
    {
        if (value.Real == 0 && !double.IsNegative(value.Real))
        {
            AppendFloat(text, value.Imaginary, addDotZero: false);
            text.Append('j');
            return;
        }

        text.Append('(');
        AppendFloat(text, value.Real, addDotZero: false);
        if (!double.IsNegative(value.Imaginary) || double.IsNaN(value.Imaginary))
        {
            text.Append('+');
        }

        AppendFloat(text, value.Imaginary, addDotZero: false);
        text.Append("j)");
    }

    private static void AppendFloat(StringBuilder text, double value, bool addDotZero)
    {
        if (double.IsNaN(value))
        {
            text.Append("nan");
            return;
        }

        if (double.IsInfinity(value))
        {
            text.Append(value > 0 ? "inf" : "-inf");
            return;
        }

        if (double.IsNegative(value))
        {
            text.Append('-');
            value = -value;
        }

        if (value == 0)
        {
            text.Append(addDotZero ? "0.0" : "0");
            return;
        }

        // .NET's "R" gives the shortest round-trip digits, as "d.dddE+x" or fixed; take the digits
        // and the decimal point position from it and lay them out as Python does.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[24];
        var count = 0;
        var exponentPart = 0;
        var pointAt = -1;
        var sawDigit = false;
        var leadingZeros = 0;
        for (var i = 0; i < shortest.Length; i++)
        {
            var c = shortest[i];
            if (c == 'E')
            {
                exponentPart = int.Parse(shortest.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }

            if (c == '.')
            {
                pointAt = count + leadingZeros;
                continue;
            }

            if (c == '0' && !sawDigit)
            {
                leadingZeros++;
                continue;
            }

            sawDigit = true;
            digits[count++] = c;
        }

        if (pointAt < 0)
        {
            pointAt = count + leadingZeros;
        }

        // Drop trailing zeros of the digit string ("100" has the one digit 1).
        while (count > 1 && digits[count - 1] == '0')
        {
            count--;
        }

        // decpt: the value is 0.d1d2d3... times 10**decpt.
        var decpt = pointAt - leadingZeros + exponentPart;
        if (decpt > -4 && decpt <= 16)
        {
            if (decpt <= 0)
            {
                text.Append("0.");
                text.Append('0', -decpt);
                text.Append(digits[..count]);
            }
            else if (decpt >= count)
            {
                text.Append(digits[..count]);
                text.Append('0', decpt - count);
                if (addDotZero)
                {
                    text.Append(".0");
                }
            }
            else
            {
                text.Append(digits[..decpt]).Append('.').Append(digits[decpt..count]);
            }

            return;
        }

        text.Append(digits[0]);
        if (count > 1)
        {
            text.Append('.').Append(digits[1..count]);
        }

        var exponent = decpt - 1;
        text.Append('e').Append(exponent < 0 ? '-' : '+');
        exponent = Math.Abs(exponent);
        if (exponent < 10)
        {
            text.Append('0');
        }

        text.Append(exponent.ToString(CultureInfo.InvariantCulture));
    }

    // Python's Py_UNICODE_ISPRINTABLE: every character but those of categories Cc, Cf, Cs, Co, Cn,
    // Zl, Zp and Zs (the space itself excepted).
    private static bool IsPrintable(int codePoint)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            return false;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        switch (category)
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
                return false;
            case UnicodeCategory.SpaceSeparator:
                return codePoint == ' ';
            default:
                return !IsUnassignedInPython313(codePoint);
        }
    }

    private static bool IsUnassignedInPython313(int codePoint)
    {
        int low = 0, high = (UnassignedInPython313.Length / 2) - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (codePoint < UnassignedInPython313[2 * middle])
            {
                high = middle - 1;
            }
            else if (codePoint > UnassignedInPython313[(2 * middle) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    private static void AppendHex(StringBuilder text, int value, int width)
    {
        for (var shift = (width - 1) * 4; shift >= 0; shift -= 4)
        {
            text.Append(HexDigits[(value >> shift) & 0xF]);
        }
    }
}
