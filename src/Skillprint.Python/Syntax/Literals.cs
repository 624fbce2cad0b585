using System.Globalization;
using System.Numerics;
using System.Text;
using Skillprint.Python.Lexing;

namespace Skillprint.Python.Syntax;

/// <summary>The prefix and quotes of a string token (Python Language Reference 2.4.1).</summary>
/// <param name="Length">Number of prefix letters (0 to 2).</param>
/// <param name="Raw">r or R: backslashes are kept as they are.</param>
/// <param name="Bytes">b or B: a bytes literal.</param>
/// <param name="Unicode">u or U (no effect on the value).</param>
/// <param name="Formatted">f or F: an f-string.</param>
/// <param name="Template">t or T: a template string (PEP 750, Python 3.14).</param>
/// <param name="Quote">The quote character, ' or ".</param>
/// <param name="QuoteSize">1, or 3 for a triple-quoted string.</param>
/// <param name="LowercaseU">The prefix is a lowercase u: CPython's ast then sets Constant.kind to "u".</param>
public readonly record struct StringPrefix(
    int Length, bool Raw, bool Bytes, bool Unicode, bool Formatted, bool Template, char Quote, int QuoteSize, bool LowercaseU);

/// <summary>The value of one string token.</summary>
/// <param name="Value">A <see cref="string"/>, or a <c>byte[]</c> for a bytes literal; never null (empty after an error).</param>
/// <param name="Kind">"u" when the token has a lowercase u prefix (ast's Constant.kind), else null.</param>
/// <param name="Error">CPython's SyntaxError message when the literal is invalid, else null. CPython reports it at the
/// token (its line and column).</param>
public readonly record struct StringValue(object Value, string? Kind, string? Error);

/// <summary>
/// The values of literal tokens, decoded exactly as CPython 3.13 decodes them for <c>ast.Constant</c>:
/// numbers (Python Language Reference 2.4.5 to 2.4.7) and string, bytes and f-string text (2.4.1, with escape
/// sequences). Nothing here throws on any token the lexer produces.
/// </summary>
/// <remarks>
/// Line ends inside strings are taken as <c>\n</c>, as CPython reads <c>\r\n</c> and <c>\r</c> in source text.
/// Invalid escapes such as <c>\q</c> keep their backslash (CPython warns, it does not fail). <c>\N{NAME}</c> knows
/// the names in <see cref="UnicodeNames"/> (see there which); any other name gives CPython's "unknown Unicode
/// character name" error.
/// </remarks>
public static class Literals
{
    /// <summary>CPython's default limit on the digits of a decimal int literal (sys.int_info.default_max_str_digits).</summary>
    public const int MaxDecimalDigits = 4300;

    /// <summary>
    /// The value of a NUMBER token: <see cref="long"/> for an int that fits, <see cref="BigInteger"/> for a larger
    /// int, <see cref="double"/> for a float (round to nearest; too large is infinity, too small is 0.0), and
    /// <see cref="Complex"/> with real part 0 for an imaginary literal.
    /// </summary>
    /// <param name="text">The token's text, underscores included.</param>
    /// <param name="error">CPython's message when the literal is rejected (only a decimal int of more than
    /// <see cref="MaxDecimalDigits"/> digits, which CPython refuses to convert), else null; the value is then 0.</param>
    public static object ParseNumber(ReadOnlySpan<char> text, out string? error)
    {
        error = null;
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        foreach (char c in text)
        {
            if (c != '_')
            {
                buffer[n++] = c;
            }
        }

        var s = buffer[..n];
        if (s.Length == 0)
        {
            return 0L;
        }

        char last = s[^1];
        if (last is 'j' or 'J')
        {
            return new Complex(0, ParseFloat(s[..^1]));
        }

        if (s.Length > 1 && s[0] == '0' && s[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            int radix = s[1] is 'x' or 'X' ? 16 : s[1] is 'o' or 'O' ? 8 : 2;
            return ParseRadix(s[2..], radix);
        }

        if (s.IndexOfAny('.', 'e', 'E') >= 0)
        {
            return ParseFloat(s);
        }

        if (s.Length <= 18)
        {
            long value = 0;
            foreach (char c in s)
            {
                value = (value * 10) + (c - '0');
            }

            return value;
        }

        if (s.Length > MaxDecimalDigits)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"Exceeds the limit ({MaxDecimalDigits} digits) for integer string conversion: value has {s.Length} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.");
            return 0L;
        }

        var big = BigInteger.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
        return big <= long.MaxValue ? (object)(long)big : big;
    }

    private static double ParseFloat(ReadOnlySpan<char> s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : 0.0;

    private static object ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        int bits = radix == 16 ? 4 : radix == 8 ? 3 : 1;
        if (digits.Length * bits <= 63)
        {
            long value = 0;
            foreach (char c in digits)
            {
                value = (value << bits) | (long)HexValue(c);
            }

            return value;
        }

        var big = BigInteger.Zero;
        foreach (char c in digits)
        {
            big = (big << bits) | HexValue(c);
        }

        return big <= long.MaxValue ? (object)(long)big : big;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => 0,
    };

    /// <summary>Reads the prefix and quotes of a STRING, FSTRING_START or TSTRING_START token.</summary>
    public static StringPrefix ReadPrefix(ReadOnlySpan<char> token)
    {
        bool raw = false, bytes = false, unicode = false, formatted = false, template = false;
        int i = 0;
        while (i < token.Length && token[i] is not ('\'' or '"'))
        {
            switch (token[i])
            {
                case 'r' or 'R': raw = true; break;
                case 'b' or 'B': bytes = true; break;
                case 'u' or 'U': unicode = true; break;
                case 'f' or 'F': formatted = true; break;
                case 't' or 'T': template = true; break;
            }

            i++;
        }

        char quote = i < token.Length ? token[i] : '"';
        int quoteSize = i + 2 < token.Length && token[i + 1] == quote && token[i + 2] == quote
            && (token.Length - i >= 6 || formatted || template) ? 3 : 1;
        return new StringPrefix(i, raw, bytes, unicode, formatted, template, quote, quoteSize, i > 0 && token[0] == 'u');
    }

    /// <summary>
    /// The value of a STRING token (prefix and quotes included): its escapes decoded unless raw, its line ends
    /// made <c>\n</c>; bytes for a b prefix.
    /// </summary>
    public static StringValue DecodeString(ReadOnlySpan<char> token)
    {
        var prefix = ReadPrefix(token);
        int bodyStart = Math.Min(token.Length, prefix.Length + prefix.QuoteSize);
        int bodyEnd = Math.Max(bodyStart, token.Length - prefix.QuoteSize);
        var body = token[bodyStart..bodyEnd];
        string? kind = prefix.LowercaseU ? "u" : null;
        int undecodable = UndecodableByte(body);
        if (undecodable >= 0)
        {
            return new StringValue(prefix.Bytes ? Array.Empty<byte>() : string.Empty, kind, UndecodableMessage(body, undecodable));
        }

        if (prefix.Bytes)
        {
            foreach (char c in body)
            {
                if (c >= 0x80)
                {
                    return new StringValue(Array.Empty<byte>(), kind, "bytes can only contain ASCII literal characters");
                }
            }

            if (prefix.Raw)
            {
                return new StringValue(RawBytes(body), kind, null);
            }

            var value = DecodeBytesEscapes(body, out string? bytesError);
            return new StringValue(value, kind, bytesError);
        }

        if (prefix.Raw)
        {
            return new StringValue(NormalizeLineEnds(body), kind, null);
        }

        List<int>? escapedSurrogates = null;
        string text = DecodeEscapes(body, out string? error, ref escapedSurrogates);
        object decoded = escapedSurrogates is null ? text : ToSurrogateString(text, escapedSurrogates);
        return new StringValue(decoded, kind, error);
    }

    /// <summary>
    /// The text of an FSTRING_MIDDLE or TSTRING_MIDDLE token (a string, or a <see cref="SurrogateString"/> when
    /// escapes make surrogates): escapes decoded unless the string is raw, line ends made <c>\n</c>. The lexer has already made each doubled brace one (the token holds only the first), so no
    /// brace handling is left here.
    /// </summary>
    /// <param name="middle">The token's text.</param>
    /// <param name="raw">Whether the string's START token has an r prefix (see <see cref="ReadPrefix"/>).</param>
    /// <param name="error">CPython's message for an invalid escape (as for strings), else null.</param>
    public static object DecodeFStringMiddle(ReadOnlySpan<char> middle, bool raw, out string? error)
    {
        int undecodable = UndecodableByte(middle);
        if (undecodable >= 0)
        {
            error = UndecodableMessage(middle, undecodable);
            return string.Empty;
        }

        if (raw)
        {
            error = null;
            return NormalizeLineEnds(middle);
        }

        List<int>? escaped = null;
        var text = DecodeEscapes(middle, out error, ref escaped);
        return escaped is null ? text : ToSurrogateString(text, escaped);
    }

    /// <summary>
    /// Joins the values of adjacent str literals: a plain string while every part is one, else a
    /// <see cref="SurrogateString"/> that keeps escaped surrogates as code points of their own.
    /// </summary>
    public static object Join(object left, object right)
    {
        if (left is string a && right is string b)
        {
            return string.Concat(a, b);
        }

        var points = new List<int>(CodePointsOf(left));
        points.AddRange(CodePointsOf(right));
        return new SurrogateString([.. points]);
    }

    /// <summary>The code points of a str value (a string's surrogate pairs read as one character).</summary>
    public static IReadOnlyList<int> CodePointsOf(object text)
    {
        if (text is SurrogateString surrogates)
        {
            return surrogates.CodePoints;
        }

        var value = (string)text;
        var points = new List<int>(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                points.Add(char.ConvertToUtf32(value[i], value[i + 1]));
                i++;
            }
            else
            {
                points.Add(value[i]);
            }
        }

        return points;
    }

    /// <summary>
    /// Python keeps each escaped surrogate (<c>\ud834</c>) as its own code point, where a .NET string would
    /// pair two of them into one character: rebuild the code points, pairing only chars that came from the
    /// source text itself.
    /// </summary>
    private static SurrogateString ToSurrogateString(string text, List<int> escapedAt)
    {
        var points = new List<int>(text.Length);
        int next = 0;
        for (int i = 0; i < text.Length; i++)
        {
            bool escaped = next < escapedAt.Count && escapedAt[next] == i;
            if (escaped)
            {
                next++;
                points.Add(text[i]);
                continue;
            }

            bool followerEscaped = next < escapedAt.Count && escapedAt[next] == i + 1;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) && !followerEscaped)
            {
                points.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                points.Add(text[i]);
            }
        }

        return new SurrogateString([.. points]);
    }

    /// <summary>Where a byte that was not UTF-8 stands (see <see cref="SourceDecoder"/>), or -1.</summary>
    private static int UndecodableByte(ReadOnlySpan<char> text)
    {
        int i = text.IndexOfAnyInRange('\uDC80', '\uDCFF');
        while (i >= 0)
        {
            if (i == 0 || !char.IsHighSurrogate(text[i - 1]))
            {
                return i;
            }

            int next = text[(i + 1)..].IndexOfAnyInRange('\uDC80', '\uDCFF');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return -1;
    }

    private static string UndecodableMessage(ReadOnlySpan<char> text, int at) =>
        string.Create(CultureInfo.InvariantCulture,
            $"(unicode error) 'utf-8' codec can't decode byte 0x{text[at] - 0xDC00:x2} in position {Encoding.UTF8.GetByteCount(text[..at])}: invalid start byte");

    /// <summary>The text with <c>\r\n</c> and <c>\r</c> made <c>\n</c>.</summary>
    public static string NormalizeLineEnds(ReadOnlySpan<char> text)
    {
        if (text.IndexOf('\r') < 0)
        {
            return text.ToString();
        }

        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                result.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static byte[] RawBytes(ReadOnlySpan<char> body)
    {
        string text = NormalizeLineEnds(body);
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            bytes[i] = (byte)text[i];
        }

        return bytes;
    }

    // 2.4.1.1 Escape sequences, as CPython's unicode-escape codec reads them.
    private static string DecodeEscapes(ReadOnlySpan<char> body, out string? error, ref List<int>? escapedSurrogates)
    {
        error = null;
        if (body.IndexOfAny('\\', '\r') < 0)
        {
            return body.ToString();
        }

        var result = new StringBuilder(body.Length);
        int i = 0;
        while (i < body.Length)
        {
            char c = body[i];
            if (c == '\r')
            {
                result.Append('\n');
                i += i + 1 < body.Length && body[i + 1] == '\n' ? 2 : 1;
                continue;
            }

            if (c != '\\')
            {
                result.Append(c);
                i++;
                continue;
            }

            int start = i;
            i++;
            if (i >= body.Length)
            {
                result.Append('\\'); // a backslash at the end of an f-string part ("\{")
                break;
            }

            char e = body[i++];
            switch (e)
            {
                case '\n':
                    break;
                case '\r':
                    if (i < body.Length && body[i] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\\': result.Append('\\'); break;
                case '\'': result.Append('\''); break;
                case '"': result.Append('"'); break;
                case 'a': result.Append('\a'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'v': result.Append('\v'); break;
                case >= '0' and <= '7':
                    {
                        int value = e - '0';
                        for (int k = 0; k < 2 && i < body.Length && body[i] is >= '0' and <= '7'; k++)
                        {
                            value = (value * 8) + (body[i++] - '0');
                        }

                        AppendCodePoint(result, value, ref escapedSurrogates); // above \377 CPython warns and keeps the value
                        break;
                    }

                case 'x' or 'u' or 'U':
                    {
                        int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        int value = 0, k = 0;
                        while (k < digits && i < body.Length && IsHex(body[i]))
                        {
                            value = (value << 4) | HexValue(body[i++]);
                            k++;
                        }

                        if (k < digits)
                        {
                            string what = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                            error = UnicodeError(body, start, i, what);
                            return string.Empty;
                        }

                        if ((uint)value > 0x10FFFF)
                        {
                            error = UnicodeError(body, start, i, "illegal Unicode character");
                            return string.Empty;
                        }

                        AppendCodePoint(result, value, ref escapedSurrogates);
                        break;
                    }

                case 'N':
                    {
                        if (i >= body.Length || body[i] != '{')
                        {
                            error = UnicodeError(body, start, i, "malformed \\N character escape");
                            return string.Empty;
                        }

                        int nameStart = ++i;
                        while (i < body.Length && body[i] != '}')
                        {
                            i++;
                        }

                        if (i >= body.Length || i == nameStart)
                        {
                            error = UnicodeError(body, start, i, "malformed \\N character escape");
                            return string.Empty;
                        }

                        var name = body[nameStart..i];
                        i++;
                        if (!UnicodeNames.TryGetCodePoint(name, out int codePoint))
                        {
                            error = UnicodeError(body, start, i, "unknown Unicode character name");
                            return string.Empty;
                        }

                        AppendCodePoint(result, codePoint, ref escapedSurrogates);
                        break;
                    }

                default:
                    // An invalid escape keeps its backslash (CPython: SyntaxWarning "invalid escape sequence").
                    result.Append('\\');
                    i--;
                    break;
            }
        }

        return result.ToString();
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static void AppendCodePoint(StringBuilder result, int value, ref List<int>? escapedSurrogates)
    {
        if (value is >= 0xD800 and <= 0xDFFF)
        {
            (escapedSurrogates ??= []).Add(result.Length);
        }

        if (value < 0x10000)
        {
            result.Append((char)value); // lone surrogates too, as Python keeps them
        }
        else
        {
            result.Append(char.ConvertFromUtf32(value));
        }
    }

    /// <summary>
    /// CPython's message for a bad escape. Its positions count the bytes of the text CPython hands to the codec, in
    /// which each non-ASCII character became a 10-byte \U escape and a backslash before one a 6-byte \u005c.
    /// </summary>
    private static string UnicodeError(ReadOnlySpan<char> body, int start, int end, string what)
    {
        int from = CodecOffset(body, start), to = CodecOffset(body, end) - 1;
        return string.Create(CultureInfo.InvariantCulture,
            $"(unicode error) 'unicodeescape' codec can't decode bytes in position {from}-{to}: {what}");
    }

    private static int CodecOffset(ReadOnlySpan<char> body, int index)
    {
        int offset = 0;
        for (int i = 0; i < index && i < body.Length; i++)
        {
            char c = body[i];
            if (c == '\r')
            {
                if (i + 1 < body.Length && body[i + 1] == '\n')
                {
                    continue; // \r\n is one \n
                }

                offset++;
            }
            else if (c == '\\' && (i + 1 >= body.Length || body[i + 1] >= 0x80))
            {
                offset += 6;
            }
            else if (c >= 0x80)
            {
                if (char.IsHighSurrogate(c) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]))
                {
                    i++;
                }

                offset += 10;
            }
            else
            {
                offset++;
            }
        }

        return offset;
    }

    // Bytes escapes (CPython's PyBytes_DecodeEscape): no \N, \u or \U; octal values are taken modulo 256.
    private static byte[] DecodeBytesEscapes(ReadOnlySpan<char> body, out string? error)
    {
        error = null;
        var result = new List<byte>(body.Length);
        int i = 0;
        while (i < body.Length)
        {
            char c = body[i];
            if (c == '\r')
            {
                result.Add((byte)'\n');
                i += i + 1 < body.Length && body[i + 1] == '\n' ? 2 : 1;
                continue;
            }

            if (c != '\\' || i + 1 >= body.Length)
            {
                result.Add((byte)c);
                i++;
                continue;
            }

            int start = i;
            char e = body[i + 1];
            i += 2;
            switch (e)
            {
                case '\n':
                    break;
                case '\r':
                    if (i < body.Length && body[i] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\\': result.Add((byte)'\\'); break;
                case '\'': result.Add((byte)'\''); break;
                case '"': result.Add((byte)'"'); break;
                case 'a': result.Add(7); break;
                case 'b': result.Add(8); break;
                case 'f': result.Add(12); break;
                case 'n': result.Add(10); break;
                case 'r': result.Add(13); break;
                case 't': result.Add(9); break;
                case 'v': result.Add(11); break;
                case >= '0' and <= '7':
                    {
                        int value = e - '0';
                        for (int k = 0; k < 2 && i < body.Length && body[i] is >= '0' and <= '7'; k++)
                        {
                            value = (value * 8) + (body[i++] - '0');
                        }

                        result.Add((byte)value);
                        break;
                    }

                case 'x':
                    if (i + 1 < body.Length && IsHex(body[i]) && IsHex(body[i + 1]))
                    {
                        result.Add((byte)((HexValue(body[i]) << 4) | HexValue(body[i + 1])));
                        i += 2;
                        break;
                    }

                    error = string.Create(CultureInfo.InvariantCulture, $"(value error) invalid \\x escape at position {start}");
                    return [];
                default:
                    result.Add((byte)'\\');
                    i--;
                    break;
            }
        }

        return [.. result];
    }
}
