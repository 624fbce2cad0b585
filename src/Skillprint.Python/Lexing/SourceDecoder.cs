using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Skillprint.Python.Lexing;

/// <summary>The text of a source file, and what went wrong reading it.</summary>
/// <param name="Text">The decoded text, without a byte order mark. Never null; empty when the encoding is unknown.</param>
/// <param name="Diagnostics">Decoding errors in CPython's words (unknown encoding, a BOM with another
/// declaration, bytes the declared encoding cannot read); empty when the file decoded cleanly.</param>
/// <param name="Encoding">The encoding used, as CPython names it ("utf-8", "iso-8859-1", "cp1252", ...).</param>
public sealed record DecodedSource(string Text, IReadOnlyList<Diagnostic> Diagnostics, string Encoding);

/// <summary>
/// Bytes to source text as CPython reads a file (Python Language Reference 2.1.4, PEP 263, PEP 3120): UTF-8 unless
/// a coding declaration on line 1, or on line 2 after a line holding only a comment or whitespace, names another
/// encoding; a UTF-8 byte order mark is dropped and allows no other declaration.
/// </summary>
/// <remarks>
/// Encodings: UTF-8, ASCII, Latin-1 and the single-byte codecs of tools/source_encodings.py (cp1250 to cp1258,
/// ISO 8859 parts, KOI8, Mac Roman, cp437, cp850, cp866). A multi-byte codec CPython knows (Shift JIS, EUC, GBK,
/// Big5, ...) cannot be decoded here: such a file is read as Latin-1 without a diagnostic, so its ASCII code parses
/// and only its non-ASCII text is wrong. Any other name gives CPython's "unknown encoding: NAME".
/// <para>
/// Bytes that are not valid UTF-8 do not stop decoding: like CPython 3.13, which decodes token by token, only
/// names and strings that hold them are errors (a comment may hold anything). Each such byte becomes the lone
/// surrogate U+DC80 + (byte - 0x80), as Python's "surrogateescape" does, and the lexer and
/// <see cref="Syntax.Literals"/> report it where it stands.
/// </para>
/// </remarks>
public static partial class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes a source file. Never throws.</summary>
    public static DecodedSource Decode(ReadOnlySpan<byte> bytes)
    {
        bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (bom)
        {
            bytes = bytes[3..];
        }

        var (declared, declarationLine) = FindDeclaration(bytes);
        if (declared == null)
        {
            return new DecodedSource(DecodeUtf8(bytes), [], "utf-8");
        }

        string normal = NormalName(declared);
        if (bom && normal != "utf-8")
        {
            return Failed($"encoding problem: {normal} with BOM", declarationLine, normal);
        }

        string codec = CodecOf(normal);
        switch (codec)
        {
            case "utf_8":
                return new DecodedSource(DecodeUtf8(bytes), [], "utf-8");
            case "latin_1":
                return new DecodedSource(System.Text.Encoding.Latin1.GetString(bytes), [], normal);
            case "ascii":
                {
                    int bad = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                    if (bad >= 0)
                    {
                        return Failed($"'ascii' codec can't decode byte 0x{bytes[bad]:x2} in position {bad}: ordinal not in range(128)",
                            LineOf(bytes, bad), normal);
                    }

                    return new DecodedSource(System.Text.Encoding.ASCII.GetString(bytes), [], normal);
                }
        }

        if (HighHalves.TryGetValue(codec, out string? high))
        {
            return new DecodedSource(DecodeSingleByte(bytes, high), [], normal);
        }

        if (MultiByteCodecs.Contains(codec))
        {
            return new DecodedSource(System.Text.Encoding.Latin1.GetString(bytes), [], normal);
        }

        if (codec.StartsWith("utf_16", StringComparison.Ordinal) || codec.StartsWith("utf_32", StringComparison.Ordinal))
        {
            return Failed($"encoding problem: {normal}", declarationLine, normal);
        }

        return Failed($"unknown encoding: {declared}", declarationLine, normal);
    }

    private static DecodedSource Failed(string message, int line, string encoding) =>
        new(string.Empty, [new Diagnostic(line, 0, message)], encoding);

    /// <summary>UTF-8, with each byte that is not part of a valid sequence made a lone surrogate (surrogateescape).</summary>
    private static string DecodeUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Slow path for files with invalid bytes.
        }

        var chars = new char[bytes.Length];
        int written = 0;
        while (bytes.Length > 0)
        {
            var status = Utf8.ToUtf16(bytes, chars.AsSpan(written), out int read, out int wrote, replaceInvalidSequences: false);
            written += wrote;
            bytes = bytes[read..];
            if (status == OperationStatus.Done)
            {
                break;
            }

            // InvalidData or NeedMoreData (a truncated sequence at the end): escape one byte and go on.
            chars[written++] = (char)(0xDC00 + bytes[0]);
            bytes = bytes[1..];
        }

        return new string(chars, 0, written);
    }

    private static string DecodeSingleByte(ReadOnlySpan<byte> bytes, string high)
    {
        return string.Create(bytes.Length, (bytes.ToArray(), high), static (span, state) =>
        {
            var (source, table) = state;
            for (int i = 0; i < source.Length; i++)
            {
                byte b = source[i];
                span[i] = b < 0x80 ? (char)b : table[b - 0x80];
            }
        });
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int index)
    {
        int line = 1;
        for (int i = 0; i < index; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.Length || bytes[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>
    /// PEP 263: a comment on line 1 or 2 matching <c>^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)</c>; line 2 counts only
    /// when line 1 holds nothing but whitespace or a comment.
    /// </summary>
    private static (string? Name, int Line) FindDeclaration(ReadOnlySpan<byte> bytes)
    {
        for (int line = 1; line <= 2 && bytes.Length > 0; line++)
        {
            int end = bytes.IndexOfAny((byte)'\n', (byte)'\r');
            var text = end < 0 ? bytes : bytes[..end];
            string? name = DeclarationIn(text);
            if (name != null)
            {
                return (name, line);
            }

            // Only a comment or blank line lets line 2 declare the encoding.
            int i = 0;
            while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\f')
            {
                i++;
            }

            if (i < text.Length && text[i] != '#')
            {
                break;
            }

            if (end < 0)
            {
                break;
            }

            end += bytes[end] == '\r' && end + 1 < bytes.Length && bytes[end + 1] == '\n' ? 2 : 1;
            bytes = bytes[end..];
        }

        return (null, 0);
    }

    private static string? DeclarationIn(ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\f')
        {
            i++;
        }

        if (i >= line.Length || line[i] != '#')
        {
            return null;
        }

        var rest = line[i..];
        int at = 0;
        while (true)
        {
            int found = rest[at..].IndexOf("coding"u8);
            if (found < 0)
            {
                return null;
            }

            int p = at + found + 6;
            if (p < rest.Length && rest[p] is (byte)':' or (byte)'=')
            {
                p++;
                while (p < rest.Length && rest[p] is (byte)' ' or (byte)'\t')
                {
                    p++;
                }

                int start = p;
                while (p < rest.Length && (rest[p] is (byte)'-' or (byte)'_' or (byte)'.' || char.IsAsciiLetterOrDigit((char)rest[p])))
                {
                    p++;
                }

                if (p > start)
                {
                    return System.Text.Encoding.ASCII.GetString(rest[start..p]);
                }
            }

            at += found + 6;
        }
    }

    /// <summary>CPython's get_normal_name: the spellings of UTF-8 and Latin-1 made one; other names unchanged.</summary>
    private static string NormalName(string name)
    {
        string head = (name.Length > 12 ? name[..12] : name).ToLowerInvariant().Replace('_', '-');
        if (head == "utf-8" || head.StartsWith("utf-8-", StringComparison.Ordinal))
        {
            return "utf-8";
        }

        foreach (string latin in (string[])["latin-1", "iso-8859-1", "iso-latin-1"])
        {
            if (head == latin || head.StartsWith(latin + "-", StringComparison.Ordinal))
            {
                return "iso-8859-1";
            }
        }

        return name;
    }

    /// <summary>The codec Python's codecs.lookup finds for a name (encodings.normalize_encoding, then aliases).</summary>
    private static string CodecOf(string name)
    {
        var normal = new StringBuilder(name.Length);
        bool gap = false;
        foreach (char c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                if (gap && normal.Length > 0)
                {
                    normal.Append('_');
                }

                normal.Append(c);
                gap = false;
            }
            else
            {
                gap = true;
            }
        }

        string key = normal.ToString();
        foreach (string candidate in (string[])[key, key.Replace('.', '_')])
        {
            switch (candidate)
            {
                case "utf_8" or "utf8" or "u8" or "utf" or "utf8_ucs2" or "utf8_ucs4" or "cp65001":
                    return "utf_8";
                case "latin_1" or "latin1" or "latin" or "l1" or "iso8859_1" or "iso_8859_1" or "8859" or "cp819" or "iso_ir_100" or "csisolatin1" or "iso_8859_1_1987" or "ibm819":
                    return "latin_1";
                case "ascii" or "646" or "us_ascii" or "us" or "ansi_x3.4_1968" or "ansi_x3_4_1968" or "ansi_x3.4_1986" or "cp367" or "csascii" or "ibm367" or "iso646_us" or "iso_646.irv_1991" or "iso_ir_6":
                    return "ascii";
            }

            if (HighHalves.ContainsKey(candidate) || MultiByteCodecs.Contains(candidate))
            {
                return candidate;
            }

            if (CodecAliases.TryGetValue(candidate, out string? codec))
            {
                return codec;
            }
        }

        return key;
    }
}
