using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Skillprint.Python.Lexing;

/// <summary>
/// Python 3.13's tokenizer (CPython's Parser/lexer/lexer.c, as the parser sees it), plus the template strings of
/// Python 3.14 (PEP 750). Source text in, every token and every lexical error out; it never throws.
/// </summary>
/// <remarks>
/// Follows CPython where it matters for the tree and for errors:
/// <list type="bullet">
/// <item>No token for comments, blank lines or newlines inside brackets; NEWLINE ends each logical line, also the
/// last one without a line end; INDENT and DEDENT come before the first token of a line, DEDENTs at end of file.</item>
/// <item>Indentation counts tabs to the next multiple of 8 and compares it with a count where a tab is 1, as
/// CPython does, to find inconsistent tabs and spaces (TabError). A form feed resets the count.</item>
/// <item>f-strings (PEP 701) and t-strings (PEP 750): a START token, then MIDDLE tokens for literal text and normal
/// tokens for each replacement field, then END. A doubled brace ends a MIDDLE token just after its first brace and
/// the second brace belongs to no token, so MIDDLE text never holds <c>{{</c> or <c>}}</c>. A MIDDLE token can be
/// empty (CPython emits those too; the parser skips them).</item>
/// <item>After an error CPython stops; we go on after the bad text so a parser can recover, and report each error
/// as a diagnostic whose line and message are CPython's.</item>
/// </list>
/// Columns are UTF-8 byte offsets, computed for a whole line at once when it holds only ASCII.
/// </remarks>
public sealed class Lexer
{
    private const int TabSize = 8;
    private const int MaxIndent = 100; // CPython's MAXINDENT
    private const int MaxLevel = 200; // CPython's MAXLEVEL
    private const int MaxFStringLevel = 150; // CPython's MAXFSTRINGLEVEL
    private const int MaxExprNesting = 3; // CPython's MAX_EXPR_NESTING
    private const int MaxScratchTokens = 1 << 20;

    // A token buffer kept between calls, so that a scan allocates only each result's exact array.
    private static Token[]? scratch;

    // ASCII classes: 1 = may start a name, 2 = may continue a name.
    private static readonly byte[] AsciiClass = BuildAsciiClass();

    private static readonly SearchValues<char> SingleQuoteStops = SearchValues.Create("'\\\n\r");
    private static readonly SearchValues<char> DoubleQuoteStops = SearchValues.Create("\"\\\n\r");
    private static readonly SearchValues<char> SingleQuoteFStops = SearchValues.Create("'\\\n\r{}");
    private static readonly SearchValues<char> DoubleQuoteFStops = SearchValues.Create("\"\\\n\r{}");
    private static readonly SearchValues<char> LineEnds = SearchValues.Create("\n\r");
    private static readonly SearchValues<char> PlainLineChars =
        SearchValues.Create("\t\f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly string text;
    private readonly int length;

    private Token[] tokens;
    private int count;
    private List<Diagnostic>? diagnostics;

    // Position, and the line it is on.
    private int pos;
    private int line = 1;
    private int lineStart;
    private int lineKind; // 0 = not yet looked at, 1 = plain ASCII, 2 = other (columns counted in UTF-8 bytes)
    private int byteCachePos;
    private int byteCacheCol;

    // Indentation (CPython's indstack and altindstack).
    private bool atLineStart = true;
    private bool blankLine;
    private readonly int[] indentStack = new int[MaxIndent + 1];
    private readonly int[] altIndentStack = new int[MaxIndent + 1];
    private int indent;

    // Open brackets (CPython's parenstack).
    private readonly char[] parenChars = new char[MaxLevel];
    private readonly int[] parenLines = new int[MaxLevel];
    private readonly int[] parenLineStarts = new int[MaxLevel];
    private readonly int[] parenPositions = new int[MaxLevel];
    private int level;

    // f-string and t-string modes; modes[0] is the plain code around them.
    private readonly StringMode[] modes = new StringMode[MaxFStringLevel + 1];
    private int modeIndex;

    // The token being made.
    private int tokenStart;
    private int tokenLine;
    private int tokenColumn;

    private bool finished;
    private int firstNull = -1;

    private Lexer(string text)
    {
        this.text = text;
        length = text.Length;
        tokens = Interlocked.Exchange(ref scratch, null) ?? new Token[Math.Max(64, text.Length / 6)];
        modes[0].Regular = true;
    }

    /// <summary>Tokenizes already decoded source text. Never throws.</summary>
    public static LexResult Tokenize(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lexer = new Lexer(source);
        lexer.Run();
        var result = lexer.tokens.AsSpan(0, lexer.count).ToArray();
        if (lexer.tokens.Length <= MaxScratchTokens)
        {
            scratch = lexer.tokens; // the next call on any thread reuses it
        }

        return new LexResult(source, result, (IReadOnlyList<Diagnostic>?)lexer.diagnostics ?? []);
    }

    private void Run()
    {
        int nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            // CPython refuses the whole text; we report the first null byte and read on.
            firstNull = nul;
            ReportNullByte(nul);
        }

        int lastPos = -1, lastCount = -1, stalls = 0;
        while (!finished)
        {
            if (modes[modeIndex].Regular)
            {
                NextInCode();
            }
            else
            {
                NextInString();
            }

            // Every step consumes text or makes a token; this guard only makes sure no input can ever loop.
            if (pos == lastPos && count == lastCount)
            {
                if (++stalls > 4)
                {
                    ForceProgress();
                    stalls = 0;
                }
            }
            else
            {
                stalls = 0;
                lastPos = pos;
                lastCount = count;
            }
        }
    }

    private void ForceProgress()
    {
        if (pos >= length)
        {
            modeIndex = 0;
            level = 0;
            Finish();
            return;
        }

        BeginToken();
        pos++;
        AddError("invalid syntax");
    }

    // ------------------------------------------------------------------------------------------------------------
    // Positions

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private char At(int p) => (uint)p < (uint)length ? text[p] : '\0';

    /// <summary>True when a line ends at <paramref name="p"/>: a line-end character, or the end of a text whose last
    /// line has no line end (CPython adds one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsLineEnd(int p) => p < length ? text[p] is '\n' or '\r' : p > lineStart;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsEndOfFile(int p) => p >= length && p <= lineStart;

    /// <summary>Steps over the line end at <see cref="pos"/> (or the missing one at the end of the text).</summary>
    private void ConsumeLineEnd()
    {
        if (pos < length)
        {
            pos += text[pos] == '\r' && At(pos + 1) == '\n' ? 2 : 1;
        }

        StartLine(pos);
    }

    private void StartLine(int start)
    {
        line++;
        lineStart = start;
        lineKind = 0;
    }

    /// <summary>The UTF-8 byte column of <paramref name="p"/>, which is on the current line.</summary>
    private int Column(int p)
    {
        if (lineKind == 1)
        {
            return p - lineStart;
        }

        if (lineKind == 0)
        {
            var rest = text.AsSpan(lineStart);
            int stop = rest.IndexOfAnyExcept(PlainLineChars);
            if (stop < 0 || rest[stop] is '\n' or '\r')
            {
                lineKind = 1;
                return p - lineStart;
            }

            lineKind = 2;
            byteCachePos = lineStart;
            byteCacheCol = 0;
        }

        if (p < byteCachePos)
        {
            byteCachePos = lineStart;
            byteCacheCol = 0;
        }

        byteCacheCol += Utf8Length(text.AsSpan(byteCachePos, p - byteCachePos));
        byteCachePos = p;
        return byteCacheCol;
    }

    private static int Utf8Length(ReadOnlySpan<char> span)
    {
        int n = span.Length;
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            if (c >= 0x80)
            {
                // Two bytes up to U+07FF, three above; a surrogate pair is four bytes for its two chars, and a lone
                // low surrogate stands for one undecodable byte (SourceDecoder's surrogateescape).
                if (char.IsLowSurrogate(c))
                {
                    n += i > 0 && char.IsHighSurrogate(span[i - 1]) ? 1 : 0;
                }
                else
                {
                    n += c < 0x800 || char.IsHighSurrogate(c) ? 1 : 2;
                }
            }
        }

        return n;
    }

    private int ColumnOn(int lineStartPos, int p) =>
        lineStartPos == lineStart ? Column(p) : Utf8Length(text.AsSpan(lineStartPos, Math.Max(0, p - lineStartPos)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void BeginToken()
    {
        tokenStart = pos;
        tokenLine = line;
        tokenColumn = Column(pos);
    }

    private void Add(TokenKind kind)
    {
        if (count == tokens.Length)
        {
            Array.Resize(ref tokens, tokens.Length * 2);
        }

        tokens[count++] = new Token(kind, tokenStart, pos, tokenLine, tokenColumn, line, Column(pos));
    }

    private void AddZeroWidth(TokenKind kind, int at)
    {
        if (count == tokens.Length)
        {
            Array.Resize(ref tokens, tokens.Length * 2);
        }

        int column = Column(at);
        tokens[count++] = new Token(kind, at, at, line, column, line, column);
    }

    private void Report(int atLine, int column, string message) =>
        (diagnostics ??= []).Add(new Diagnostic(atLine, column, message));

    /// <summary>Reports an error at <paramref name="p"/> on the current line.</summary>
    private void ReportAt(int p, string message) => Report(line, Column(Math.Max(lineStart, p)), message);

    /// <summary>Makes an Error token from the token start to <see cref="pos"/>, with a diagnostic at its start.</summary>
    private void AddError(string message)
    {
        Report(tokenLine, tokenColumn, message);
        Add(TokenKind.Error);
    }

    /// <summary>Makes an Error token from the token start to <see cref="pos"/>, with a diagnostic elsewhere.</summary>
    private void AddErrorReportedAt(int p, string message)
    {
        ReportAt(p, message);
        Add(TokenKind.Error);
    }

    private void ReportNullByte(int at)
    {
        int nullLine = 1, nullLineStart = 0;
        for (int i = 0; i < at; i++)
        {
            char c = text[i];
            if (c == '\n' || (c == '\r' && At(i + 1) != '\n'))
            {
                nullLine++;
                nullLineStart = i + 1;
            }
        }

        Report(nullLine, Utf8Length(text.AsSpan(nullLineStart, at - nullLineStart)), "source code cannot contain null bytes");
    }

    private int EndOfFileLine() => lineStart >= length && line > 1 && length > 0 ? line - 1 : line;

    // ------------------------------------------------------------------------------------------------------------
    // Plain code (CPython's tok_get_normal_mode)

    private void NextInCode()
    {
    NextLine:
        blankLine = false;
        if (atLineStart)
        {
            atLineStart = false;
            if (!ReadIndentation())
            {
                return;
            }
        }

    Again:
        // 2.1.9 Whitespace between tokens
        char c = At(pos);
        while (c is ' ' or '\t' or '\f')
        {
            c = At(++pos);
        }

        // 2.1.3 Comments
        if (c == '#')
        {
            int end = text.AsSpan(pos).IndexOfAny(LineEnds);
            pos = end < 0 ? length : pos + end;
            c = At(pos);
        }

        if (pos >= length && IsEndOfFile(pos))
        {
            EndOfText();
            return;
        }

        if (c < 0x80)
        {
            if ((AsciiClass[c] & 1) != 0)
            {
                LexNameOrPrefixedString();
                return;
            }
        }
        else
        {
            LexName(pos, pos);
            return;
        }

        // 2.1.5 Physical lines; 2.1.7 implicit line joining
        if (IsLineEnd(pos))
        {
            if (blankLine || level > 0)
            {
                ConsumeLineEnd();
                atLineStart = true;
                goto NextLine;
            }

            BeginToken();
            if (pos < length)
            {
                pos += text[pos] == '\r' && At(pos + 1) == '\n' ? 2 : 1;
            }

            Add(TokenKind.Newline);
            StartLine(pos);
            atLineStart = true;
            return;
        }

        BeginToken();
        if (c == '.')
        {
            char c2 = At(pos + 1);
            if (c2 is >= '0' and <= '9')
            {
                pos++;
                LexFraction();
                return;
            }

            if (c2 == '.' && At(pos + 2) == '.')
            {
                pos += 3;
                Add(TokenKind.Ellipsis);
                return;
            }

            pos++;
            Add(TokenKind.Dot);
            return;
        }

        if (c is >= '0' and <= '9')
        {
            LexNumber();
            return;
        }

        if (c is '\'' or '"')
        {
            LexString(quoteStart: pos);
            return;
        }

        // 2.1.6 Explicit line joining
        if (c == '\\')
        {
            if (ContinueLine())
            {
                goto Again;
            }

            return;
        }

        LexOperator(c);
    }

    /// <summary>Reads the indentation of a new line and makes its INDENT or DEDENT tokens. False when it made an
    /// error token instead (the caller returns).</summary>
    private bool ReadIndentation()
    {
        int col = 0, altCol = 0, continuationCol = 0;
        while (true)
        {
            char c = At(pos);
            if (c == ' ')
            {
                col++;
                altCol++;
            }
            else if (c == '\t')
            {
                col = ((col / TabSize) + 1) * TabSize;
                altCol++;
            }
            else if (c == '\f')
            {
                col = altCol = 0;
            }
            else if (c == '\\' && pos < length)
            {
                // Indentation cannot be split over lines with backslashes: the first backslash fixes it.
                continuationCol = continuationCol != 0 ? continuationCol : col;
                BeginToken();
                if (!ContinueLine())
                {
                    return false;
                }

                continue;
            }
            else
            {
                break;
            }

            pos++;
        }

        char next = At(pos);
        if (next == '#' || (pos < length && next is '\n' or '\r') || (pos >= length && pos > lineStart))
        {
            blankLine = true; // whitespace and comments only: no effect on indentation, no NEWLINE
        }

        if (blankLine || level != 0)
        {
            return true;
        }

        if (continuationCol != 0)
        {
            col = altCol = continuationCol;
        }

        if (col == indentStack[indent])
        {
            if (altCol != altIndentStack[indent])
            {
                return IndentError();
            }
        }
        else if (col > indentStack[indent])
        {
            if (indent + 1 >= MaxIndent)
            {
                Report(line, 0, "too many levels of indentation");
                return true;
            }

            if (altCol <= altIndentStack[indent])
            {
                return IndentError();
            }

            indent++;
            indentStack[indent] = col;
            altIndentStack[indent] = altCol;
            tokenStart = lineStart;
            tokenLine = line;
            tokenColumn = 0;
            Add(TokenKind.Indent);
        }
        else
        {
            while (indent > 0 && col < indentStack[indent])
            {
                indent--;
                AddZeroWidth(TokenKind.Dedent, pos);
            }

            if (col != indentStack[indent])
            {
                int end = text.AsSpan(pos).IndexOfAny(LineEnds);
                Report(line, Column(end < 0 ? length : pos + end), "unindent does not match any outer indentation level");
            }
            else if (altCol != altIndentStack[indent])
            {
                return IndentError();
            }
        }

        return true;
    }

    private bool IndentError()
    {
        // CPython's TabError; we go on as if the indentation were consistent.
        Report(line, 0, "inconsistent use of tabs and spaces in indentation");
        return true;
    }

    /// <summary>At a backslash: steps over it and the line end after it. False when it made an error token.</summary>
    private bool ContinueLine()
    {
        int backslash = pos;
        pos++;
        if (!IsLineEnd(pos))
        {
            tokenStart = backslash;
            AddErrorReportedAt(pos, "unexpected character after line continuation character");
            return false;
        }

        int endColumn = Column(pos);
        ConsumeLineEnd();
        if (IsEndOfFile(pos))
        {
            Report(line - 1, endColumn, "unexpected EOF while parsing");
        }

        return true;
    }

    private void EndOfText()
    {
        if (level > 0)
        {
            // CPython reports an open bracket at the end of the file at the bracket.
            int i = level - 1;
            Report(parenLines[i], ColumnOn(parenLineStarts[i], parenPositions[i]), $"'{parenChars[i]}' was never closed");
            level = 0;
            modeIndex = 0;
            if (count > 0 && tokens[count - 1].Kind is not (TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent))
            {
                AddZeroWidth(TokenKind.Newline, pos);
            }
        }

        while (indent > 0)
        {
            indent--;
            AddZeroWidth(TokenKind.Dedent, pos);
        }

        Finish();
    }

    private void Finish()
    {
        if (count > 0 && tokens[count - 1].Kind is not (TokenKind.Newline or TokenKind.Dedent or TokenKind.Indent)
            && tokens[count - 1].Kind != TokenKind.EndOfFile)
        {
            // Only after an error can the text end in the middle of a line; close it for the parser.
            AddZeroWidth(TokenKind.Newline, pos);
        }

        while (indent > 0)
        {
            indent--;
            AddZeroWidth(TokenKind.Dedent, pos);
        }

        AddZeroWidth(TokenKind.EndOfFile, pos);
        finished = true;
    }

    // ------------------------------------------------------------------------------------------------------------
    // 2.3 Identifiers and keywords, and the prefixes of 2.4.1 String and bytes literals

    private void LexNameOrPrefixedString()
    {
        int start = pos;
        bool sawB = false, sawR = false, sawU = false, sawF = false, sawT = false;
        while (true)
        {
            char c = At(pos);
            if (!(sawB || sawU || sawF || sawT) && (c is 'b' or 'B'))
            {
                sawB = true;
            }
            else if (!(sawB || sawU || sawR || sawF || sawT) && (c is 'u' or 'U'))
            {
                sawU = true; // no ur"" or ru""
            }
            else if (!(sawR || sawU) && (c is 'r' or 'R'))
            {
                sawR = true;
            }
            else if (!(sawF || sawB || sawU || sawT) && (c is 'f' or 'F'))
            {
                sawF = true;
            }
            else if (!(sawT || sawF || sawB || sawU) && (c is 't' or 'T'))
            {
                sawT = true; // PEP 750 (Python 3.14)
            }
            else
            {
                break;
            }

            pos++;
            char q = At(pos);
            if (q is '\'' or '"')
            {
                tokenStart = start;
                tokenLine = line;
                tokenColumn = Column(start);
                if (sawF || sawT)
                {
                    StartFString(start, q, raw: sawR, template: sawT);
                }
                else
                {
                    LexString(quoteStart: pos);
                }

                return;
            }
        }

        // Plain ASCII names are the most frequent token.
        char d = At(pos);
        while (d < 0x80 ? (AsciiClass[d] & 2) != 0 : pos < length)
        {
            if (d >= 0x80)
            {
                LexName(start, pos);
                return;
            }

            d = At(++pos);
        }

        tokenStart = start;
        tokenLine = line;
        tokenColumn = Column(start);
        Add(Keyword(text.AsSpan(start, pos - start)));
    }

    /// <summary>A name that holds non-ASCII characters, checked as PEP 3131 says (CPython's verify_identifier).</summary>
    private void LexName(int start, int from)
    {
        pos = from;
        while (pos < length)
        {
            char c = text[pos];
            if (c < 0x80 ? (AsciiClass[c] & 2) == 0 : false)
            {
                break;
            }

            pos++;
        }

        tokenStart = start;
        tokenLine = line;
        tokenColumn = Column(start);
        int bad = Identifiers.FirstInvalid(text.AsSpan(start, pos - start));
        if (bad < 0)
        {
            Add(TokenKind.Name);
            return;
        }

        int at = start + bad;
        int cp = char.IsHighSurrogate(text[at]) && at + 1 < length && char.IsLowSurrogate(text[at + 1])
            ? char.ConvertToUtf32(text[at], text[at + 1])
            : text[at];
        string message = cp is >= 0xDC80 and <= 0xDCFF
            ? string.Create(CultureInfo.InvariantCulture, $"(unicode error) 'utf-8' codec can't decode byte 0x{cp - 0xDC00:x2} in position {Utf8Length(text.AsSpan(start, bad))}: invalid start byte")
            : Identifiers.IsPrintable(cp)
            ? string.Create(CultureInfo.InvariantCulture, $"invalid character '{char.ConvertFromUtf32(IsSurrogate(cp) ? 0xFFFD : cp)}' (U+{cp:X4})")
            : string.Create(CultureInfo.InvariantCulture, $"invalid non-printable character U+{cp:X4}");
        ReportAt(at, message);
        Add(TokenKind.Error);
    }

    private static bool IsSurrogate(int cp) => cp is >= 0xD800 and <= 0xDFFF;

    private static TokenKind Keyword(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s.Length > 8)
        {
            return TokenKind.Name;
        }

        return s switch
        {
            "False" => TokenKind.False,
            "None" => TokenKind.None,
            "True" => TokenKind.True,
            "and" => TokenKind.And,
            "as" => TokenKind.As,
            "assert" => TokenKind.Assert,
            "async" => TokenKind.Async,
            "await" => TokenKind.Await,
            "break" => TokenKind.Break,
            "class" => TokenKind.Class,
            "continue" => TokenKind.Continue,
            "def" => TokenKind.Def,
            "del" => TokenKind.Del,
            "elif" => TokenKind.Elif,
            "else" => TokenKind.Else,
            "except" => TokenKind.Except,
            "finally" => TokenKind.Finally,
            "for" => TokenKind.For,
            "from" => TokenKind.From,
            "global" => TokenKind.Global,
            "if" => TokenKind.If,
            "import" => TokenKind.Import,
            "in" => TokenKind.In,
            "is" => TokenKind.Is,
            "lambda" => TokenKind.Lambda,
            "nonlocal" => TokenKind.Nonlocal,
            "not" => TokenKind.Not,
            "or" => TokenKind.Or,
            "pass" => TokenKind.Pass,
            "raise" => TokenKind.Raise,
            "return" => TokenKind.Return,
            "try" => TokenKind.Try,
            "while" => TokenKind.While,
            "with" => TokenKind.With,
            "yield" => TokenKind.Yield,
            _ => TokenKind.Name,
        };
    }

    // ------------------------------------------------------------------------------------------------------------
    // 2.4.5 Numeric literals (CPython's number scanning, with its messages and its error columns)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameChar(char c) => c < 0x80 && (AsciiClass[c] & 2) != 0;

    private void LexNumber()
    {
        char c = text[pos];
        if (c == '0')
        {
            char k = At(pos + 1);
            if (k is 'x' or 'X')
            {
                pos += 2;
                LexRadix(16, "hexadecimal");
                return;
            }

            if (k is 'o' or 'O')
            {
                pos += 2;
                LexRadix(8, "octal");
                return;
            }

            if (k is 'b' or 'B')
            {
                pos += 2;
                LexRadix(2, "binary");
                return;
            }

            // Zeros, maybe followed by other digits: fine for a float or imaginary, an error for an int.
            pos++;
            while (true)
            {
                c = At(pos);
                if (c == '_')
                {
                    if (!IsDigit(At(pos + 1)))
                    {
                        pos++;
                        NumberError(pos - 1, "invalid decimal literal");
                        return;
                    }

                    pos++;
                    c = At(pos);
                }

                if (c != '0')
                {
                    break;
                }

                pos++;
            }

            bool nonZero = false;
            if (IsDigit(c))
            {
                nonZero = true;
                if (!DecimalTail())
                {
                    return;
                }

                c = At(pos);
            }

            if (c == '.')
            {
                pos++;
                LexFraction();
                return;
            }

            if (c is 'e' or 'E')
            {
                LexExponent();
                return;
            }

            if (c is 'j' or 'J')
            {
                pos++;
                FinishNumber("imaginary");
                return;
            }

            if (nonZero)
            {
                NumberError(tokenStart, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
                return;
            }

            FinishNumber("decimal");
            return;
        }

        if (!DecimalTail())
        {
            return;
        }

        c = At(pos);
        if (c == '.')
        {
            pos++;
            LexFraction();
            return;
        }

        if (c is 'e' or 'E')
        {
            LexExponent();
            return;
        }

        if (c is 'j' or 'J')
        {
            pos++;
            FinishNumber("imaginary");
            return;
        }

        FinishNumber("decimal");
    }

    /// <summary>Digits with single underscores between them (CPython's tok_decimal_tail). False after an error.</summary>
    private bool DecimalTail()
    {
        while (true)
        {
            while (IsDigit(At(pos)))
            {
                pos++;
            }

            if (At(pos) != '_')
            {
                return true;
            }

            pos++;
            if (!IsDigit(At(pos)))
            {
                NumberError(pos - 1, "invalid decimal literal");
                return false;
            }
        }
    }

    /// <summary>After the dot of a float (the dot is consumed).</summary>
    private void LexFraction()
    {
        if (IsDigit(At(pos)) && !DecimalTail())
        {
            return;
        }

        char c = At(pos);
        if (c is 'e' or 'E')
        {
            LexExponent();
            return;
        }

        if (c is 'j' or 'J')
        {
            pos++;
            FinishNumber("imaginary");
            return;
        }

        FinishNumber("decimal");
    }

    /// <summary>At the e or E of an exponent.</summary>
    private void LexExponent()
    {
        int e = pos;
        pos++;
        char c = At(pos);
        if (c is '+' or '-')
        {
            pos++;
            if (!IsDigit(At(pos)))
            {
                NumberError(pos - 1, "invalid decimal literal");
                return;
            }
        }
        else if (!IsDigit(c))
        {
            // "1else" is 1 followed by else (with a warning in CPython); "1e" alone is an error.
            pos = e;
            if (!FollowedByKeyword(e))
            {
                NumberError(e - 1, "invalid decimal literal");
                return;
            }

            Add(TokenKind.Number);
            return;
        }

        if (!DecimalTail())
        {
            return;
        }

        if (At(pos) is 'j' or 'J')
        {
            pos++;
            FinishNumber("imaginary");
            return;
        }

        FinishNumber("decimal");
    }

    private void LexRadix(int radix, string kind)
    {
        while (true)
        {
            char c = At(pos);
            if (c == '_')
            {
                pos++;
                c = At(pos);
            }

            if (!IsRadixDigit(c, radix))
            {
                if (radix != 16 && IsDigit(c))
                {
                    pos++;
                    NumberError(pos - 1, string.Create(CultureInfo.InvariantCulture, $"invalid digit '{c}' in {kind} literal"));
                }
                else
                {
                    NumberError(pos - 1, $"invalid {kind} literal");
                }

                return;
            }

            while (IsRadixDigit(At(pos), radix))
            {
                pos++;
            }

            if (At(pos) != '_')
            {
                break;
            }
        }

        char d = At(pos);
        if (radix != 16 && IsDigit(d))
        {
            pos++;
            NumberError(pos - 1, string.Create(CultureInfo.InvariantCulture, $"invalid digit '{d}' in {kind} literal"));
            return;
        }

        FinishNumber(kind);
    }

    private static bool IsRadixDigit(char c, int radix) => radix switch
    {
        16 => IsHexDigit(c),
        8 => c is >= '0' and <= '7',
        _ => c is '0' or '1',
    };

    /// <summary>CPython's verify_end_of_number: a number may not run into a name, except the keywords that can
    /// follow a number in valid code.</summary>
    private void FinishNumber(string kind)
    {
        char c = At(pos);
        if (IsNameChar(c) && !FollowedByKeyword(pos))
        {
            NumberError(pos - 1, $"invalid {kind} literal");
            return;
        }

        Add(TokenKind.Number);
    }

    private bool FollowedByKeyword(int p)
    {
        char c = At(p);
        return c switch
        {
            'a' => Lookahead(p + 1, "nd"),
            'e' => Lookahead(p + 1, "lse"),
            'f' => Lookahead(p + 1, "or"),
            'i' => At(p + 1) is 'f' or 'n' or 's',
            'o' => Lookahead(p + 1, "r"),
            'n' => Lookahead(p + 1, "ot"),
            _ => false,
        };
    }

    private bool Lookahead(int p, string rest)
    {
        for (int i = 0; i < rest.Length; i++)
        {
            if (At(p + i) != rest[i])
            {
                return false;
            }
        }

        char after = At(p + rest.Length);
        return !(after >= 0x80 || IsNameChar(after));
    }

    /// <summary>Reports a bad number at <paramref name="reportAt"/> and makes an Error token of the number and the
    /// name characters glued to it, so one bad literal gives one error.</summary>
    private void NumberError(int reportAt, string message)
    {
        while (pos < length && (IsNameChar(text[pos]) || text[pos] == '.'))
        {
            pos++;
        }

        AddErrorReportedAt(Math.Max(reportAt, tokenStart), message);
    }

    // ------------------------------------------------------------------------------------------------------------
    // 2.5 Operators and 2.6 Delimiters

    private void LexOperator(char c)
    {
        char c2 = At(pos + 1);
        TokenKind kind;
        int size = 1;
        switch (c)
        {
            case '(':
            case '[':
            case '{':
                OpenBracket(c);
                return;
            case ')':
            case ']':
            case '}':
                CloseBracket(c);
                return;
            case ':':
                if (modeIndex > 0 && modes[modeIndex].ExprStartDepth >= 0
                    && modes[modeIndex].CurlyDepth - 1 == modes[modeIndex].ExprStartDepth)
                {
                    // The colon that starts a format spec (PEP 701).
                    modes[modeIndex].Regular = false;
                    modes[modeIndex].InFormatSpec = true;
                    pos++;
                    Add(TokenKind.Colon);
                    return;
                }

                (kind, size) = c2 == '=' ? (TokenKind.ColonEqual, 2) : (TokenKind.Colon, 1);
                break;
            case ',': kind = TokenKind.Comma; break;
            case ';': kind = TokenKind.Semicolon; break;
            case '+': (kind, size) = c2 == '=' ? (TokenKind.PlusEqual, 2) : (TokenKind.Plus, 1); break;
            case '-':
                (kind, size) = c2 switch
                {
                    '=' => (TokenKind.MinusEqual, 2),
                    '>' => (TokenKind.RightArrow, 2),
                    _ => (TokenKind.Minus, 1),
                };
                break;
            case '*':
                if (c2 == '*')
                {
                    (kind, size) = At(pos + 2) == '=' ? (TokenKind.DoubleStarEqual, 3) : (TokenKind.DoubleStar, 2);
                }
                else
                {
                    (kind, size) = c2 == '=' ? (TokenKind.StarEqual, 2) : (TokenKind.Star, 1);
                }

                break;
            case '/':
                if (c2 == '/')
                {
                    (kind, size) = At(pos + 2) == '=' ? (TokenKind.DoubleSlashEqual, 3) : (TokenKind.DoubleSlash, 2);
                }
                else
                {
                    (kind, size) = c2 == '=' ? (TokenKind.SlashEqual, 2) : (TokenKind.Slash, 1);
                }

                break;
            case '|': (kind, size) = c2 == '=' ? (TokenKind.VerticalBarEqual, 2) : (TokenKind.VerticalBar, 1); break;
            case '&': (kind, size) = c2 == '=' ? (TokenKind.AmpersandEqual, 2) : (TokenKind.Ampersand, 1); break;
            case '^': (kind, size) = c2 == '=' ? (TokenKind.CaretEqual, 2) : (TokenKind.Caret, 1); break;
            case '%': (kind, size) = c2 == '=' ? (TokenKind.PercentEqual, 2) : (TokenKind.Percent, 1); break;
            case '@': (kind, size) = c2 == '=' ? (TokenKind.AtEqual, 2) : (TokenKind.At, 1); break;
            case '~': kind = TokenKind.Tilde; break;
            case '=':
                if (c2 == '=')
                {
                    (kind, size) = (TokenKind.EqualEqual, 2);
                }
                else
                {
                    kind = TokenKind.Equal;
                    if (modeIndex > 0 && modes[modeIndex].ExprStartDepth >= 0)
                    {
                        modes[modeIndex].Debug = true; // f"{x=}"
                    }
                }

                break;
            case '!':
                (kind, size) = c2 == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Exclamation, 1);
                break;
            case '<':
                if (c2 == '<')
                {
                    (kind, size) = At(pos + 2) == '=' ? (TokenKind.LeftShiftEqual, 3) : (TokenKind.LeftShift, 2);
                }
                else if (c2 == '>')
                {
                    // "<>" is != only under "from __future__ import barry_as_FLUFL"; elsewhere invalid syntax.
                    pos += 2;
                    AddError("invalid syntax");
                    return;
                }
                else
                {
                    (kind, size) = c2 == '=' ? (TokenKind.LessEqual, 2) : (TokenKind.Less, 1);
                }

                break;
            case '>':
                if (c2 == '>')
                {
                    (kind, size) = At(pos + 2) == '=' ? (TokenKind.RightShiftEqual, 3) : (TokenKind.RightShift, 2);
                }
                else
                {
                    (kind, size) = c2 == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1);
                }

                break;
            case '\0' when pos < length:
                if (pos != firstNull)
                {
                    ReportNullByte(pos);
                }

                pos++;
                Add(TokenKind.Error);
                return;
            default:
                pos++;
                if (c < ' ' || c == '\x7f')
                {
                    AddError(string.Create(CultureInfo.InvariantCulture, $"invalid non-printable character U+{(int)c:X4}"));
                }
                else
                {
                    // $ ? and ` are no Python tokens: CPython's parser says "invalid syntax" at them.
                    AddError("invalid syntax");
                }

                return;
        }

        pos += size;
        Add(kind);
    }

    private void OpenBracket(char c)
    {
        if (level >= MaxLevel)
        {
            pos++;
            AddError("too many nested parentheses");
            return;
        }

        parenChars[level] = c;
        parenLines[level] = line;
        parenLineStarts[level] = lineStart;
        parenPositions[level] = pos;
        level++;
        if (modeIndex > 0)
        {
            modes[modeIndex].CurlyDepth++;
        }

        pos++;
        Add(c switch { '(' => TokenKind.LeftParen, '[' => TokenKind.LeftBracket, _ => TokenKind.LeftBrace });
    }

    private void CloseBracket(char c)
    {
        pos++;
        ref var mode = ref modes[modeIndex];
        bool inString = modeIndex > 0;
        if (inString && mode.CurlyDepth == 0 && c == '}')
        {
            AddError($"{StringKind(mode)}: single '}}' is not allowed");
            return;
        }

        if (level == 0)
        {
            AddError($"unmatched '{c}'");
            return;
        }

        level--;
        char opening = parenChars[level];
        bool matches = (opening == '(' && c == ')') || (opening == '[' && c == ']') || (opening == '{' && c == '}');
        if (!matches)
        {
            if (inString && opening == '{' && mode.CurlyDepth - 1 == mode.ExprStartDepth)
            {
                // The bracket would close a replacement field: keep the field open and drop the stray bracket.
                level++;
                AddError($"{StringKind(mode)}: unmatched '{c}'");
                return;
            }

            AddError(parenLines[level] != line
                ? string.Create(CultureInfo.InvariantCulture, $"closing parenthesis '{c}' does not match opening parenthesis '{opening}' on line {parenLines[level]}")
                : $"closing parenthesis '{c}' does not match opening parenthesis '{opening}'");
            if (inString)
            {
                mode.CurlyDepth--;
            }

            return;
        }

        if (inString)
        {
            mode.CurlyDepth--;
            if (mode.CurlyDepth < 0)
            {
                mode.CurlyDepth = 0;
                AddError($"{StringKind(mode)}: unmatched '{c}'");
                return;
            }

            if (c == '}' && mode.CurlyDepth == mode.ExprStartDepth)
            {
                // The end of a replacement field: back to the literal text.
                mode.ExprStartDepth--;
                mode.Regular = false;
                mode.InFormatSpec = false;
                mode.Debug = false;
            }
        }

        Add(c switch { ')' => TokenKind.RightParen, ']' => TokenKind.RightBracket, _ => TokenKind.RightBrace });
    }

    // ------------------------------------------------------------------------------------------------------------
    // 2.4.1 String and bytes literals (not f-strings). The token start is set; pos is at the opening quote.

    private void LexString(int quoteStart)
    {
        pos = quoteStart;
        char quote = text[pos];
        int firstLine = line, firstLineStart = lineStart;
        int quoteSize = 1;
        if (At(pos + 1) == quote)
        {
            if (At(pos + 2) == quote)
            {
                quoteSize = 3;
                pos += 3;
            }
            else
            {
                pos += 2; // the empty string
                Add(TokenKind.String);
                return;
            }
        }
        else
        {
            pos++;
        }

        var stops = quote == '\'' ? SingleQuoteStops : DoubleQuoteStops;
        bool escapedQuote = false;
        while (true)
        {
            int skip = text.AsSpan(pos).IndexOfAny(stops);
            if (skip < 0)
            {
                pos = length;
                UnterminatedString(quoteSize, firstLine, firstLineStart, escapedQuote);
                return;
            }

            pos += skip;
            char c = text[pos];
            if (c == quote)
            {
                if (quoteSize == 1)
                {
                    pos++;
                    break;
                }

                if (At(pos + 1) == quote && At(pos + 2) == quote)
                {
                    pos += 3;
                    break;
                }

                pos++;
            }
            else if (c == '\\')
            {
                pos++;
                if (pos >= length)
                {
                    continue;
                }

                char escaped = text[pos];
                if (escaped is '\n' or '\r')
                {
                    ConsumeLineEnd();
                }
                else
                {
                    escapedQuote |= escaped == quote;
                    pos++;
                }
            }
            else
            {
                if (quoteSize == 1)
                {
                    UnterminatedString(quoteSize, firstLine, firstLineStart, escapedQuote);
                    return;
                }

                ConsumeLineEnd();
            }
        }

        Add(TokenKind.String);
    }

    private void UnterminatedString(int quoteSize, int firstLine, int firstLineStart, bool escapedQuote)
    {
        int detectedAt = pos >= length ? EndOfFileLine() : line;
        int quoteAt = tokenStart;
        while (text[quoteAt] is not ('\'' or '"'))
        {
            quoteAt++;
        }

        char quote = text[quoteAt];
        if (modeIndex > 0 && modes[modeIndex].Quote == quote && modes[modeIndex].QuoteSize == quoteSize)
        {
            // Inside a replacement field, a quote like the f-string's own means the field lacks its '}'. Recover by
            // ending the f-string at that quote.
            ref var mode = ref modes[modeIndex];
            Report(firstLine, ColumnOn(firstLineStart, quoteAt), $"{StringKind(mode)}: expecting '}}'");
            RewindTo(quoteAt, firstLine, firstLineStart);
            tokenStart = pos;
            Add(TokenKind.Error);
            pos += quoteSize;
            level = Math.Min(level, mode.LevelAtStart);
            modeIndex--;
            Add(mode.Template ? TokenKind.TStringEnd : TokenKind.FStringEnd);
            return;
        }

        string message = quoteSize == 3
            ? string.Create(CultureInfo.InvariantCulture, $"unterminated triple-quoted string literal (detected at line {detectedAt})")
            : string.Create(CultureInfo.InvariantCulture, $"unterminated string literal (detected at line {detectedAt})")
                + (escapedQuote ? "; perhaps you escaped the end quote?" : string.Empty);
        Report(firstLine, ColumnOn(firstLineStart, tokenStart), message);
        Add(TokenKind.Error);
    }

    /// <summary>Goes back to an earlier place (error recovery only).</summary>
    private void RewindTo(int p, int atLine, int atLineStart)
    {
        pos = p;
        line = atLine;
        lineStart = atLineStart;
        lineKind = 0;
        tokenLine = atLine;
        tokenColumn = Column(p);
    }

    private static string StringKind(in StringMode mode) => mode.Template ? "t-string" : "f-string";

    // ------------------------------------------------------------------------------------------------------------
    // 2.4.3 f-strings (PEP 701) and t-strings (PEP 750). The token start is set; pos is at the opening quote.

    private void StartFString(int start, char quote, bool raw, bool template)
    {
        int quoteSize = At(pos + 1) == quote && At(pos + 2) == quote ? 3 : 1;
        pos += quoteSize;
        if (modeIndex + 1 >= MaxFStringLevel)
        {
            AddError("too many nested f-strings");
            return;
        }

        ref var mode = ref modes[++modeIndex];
        mode = default;
        mode.Quote = quote;
        mode.QuoteSize = quoteSize;
        mode.Raw = raw;
        mode.Template = template;
        mode.StartPos = start;
        mode.StartLine = line;
        mode.StartLineStart = lineStart;
        mode.ExprStartDepth = -1;
        mode.LevelAtStart = level;
        Add(template ? TokenKind.TStringStart : TokenKind.FStringStart);
    }

    /// <summary>CPython's tok_get_fstring_mode: the literal text of an f-string, up to a replacement field or the
    /// closing quote.</summary>
    private void NextInString()
    {
        ref var mode = ref modes[modeIndex];
        BeginToken();
        var middle = mode.Template ? TokenKind.TStringMiddle : TokenKind.FStringMiddle;

        // A replacement field right here: hand over to the code lexer.
        if (At(pos) == '{' && pos < length && At(pos + 1) != '{')
        {
            if (!EnterField(ref mode))
            {
                return;
            }

            mode.Regular = true;
            NextInCode();
            return;
        }

        // The closing quote.
        if (At(pos) == mode.Quote && pos < length
            && (mode.QuoteSize == 1 || (At(pos + 1) == mode.Quote && At(pos + 2) == mode.Quote)))
        {
            pos += mode.QuoteSize;
            modeIndex--;
            Add(mode.Template ? TokenKind.TStringEnd : TokenKind.FStringEnd);
            return;
        }

        var stops = mode.Quote == '\'' ? SingleQuoteFStops : DoubleQuoteFStops;
        bool unicodeEscape = false;
        while (true)
        {
            bool inFormatSpec = mode.InFormatSpec && mode.ExprStartDepth >= 0;
            int skip = text.AsSpan(pos).IndexOfAny(stops);
            if (skip < 0)
            {
                pos = length;
            }
            else
            {
                pos += skip;
            }

            if (pos >= length || (mode.QuoteSize == 1 && text[pos] is '\n' or '\r'))
            {
                if (inFormatSpec && pos < length)
                {
                    // A newline ends a format spec; the code lexer then reports what follows.
                    mode.Regular = true;
                    mode.InFormatSpec = false;
                    Add(middle);
                    return;
                }

                UnterminatedFString(ref mode);
                return;
            }

            char c = text[pos];
            if (c == mode.Quote)
            {
                if (mode.QuoteSize == 1 || (At(pos + 1) == mode.Quote && At(pos + 2) == mode.Quote))
                {
                    Add(middle); // the END token comes next
                    return;
                }

                pos++;
                continue;
            }

            if (c == '{')
            {
                if (At(pos + 1) != '{' || inFormatSpec)
                {
                    Add(middle);
                    if (EnterField(ref mode))
                    {
                        mode.Regular = true;
                        mode.InFormatSpec = false;
                    }

                    return;
                }

                // "{{" is one literal brace: the token keeps the first, the second belongs to no token.
                pos++;
                Add(middle);
                pos++;
                return;
            }

            if (c == '}')
            {
                if (unicodeEscape)
                {
                    pos++;
                    Add(middle);
                    return;
                }

                if (At(pos + 1) == '}' && !inFormatSpec && mode.CurlyDepth == 0)
                {
                    pos++;
                    Add(middle);
                    pos++;
                    return;
                }

                Add(middle);
                mode.Regular = true;
                mode.InFormatSpec = false;
                return;
            }

            if (c == '\\')
            {
                pos++;
                char next = At(pos);
                if (pos >= length)
                {
                    continue;
                }

                if (next is '\n' or '\r')
                {
                    ConsumeLineEnd();
                    continue;
                }

                if (next is '{' or '}')
                {
                    continue; // "\{" is a backslash, then a brace that does what a brace does
                }

                pos++;
                if (!mode.Raw && next == 'N' && At(pos) == '{')
                {
                    pos++;
                    unicodeEscape = true; // \N{NAME}: its braces are no replacement field
                }

                continue;
            }

            // A line end inside a triple-quoted string.
            ConsumeLineEnd();
        }
    }

    private bool EnterField(ref StringMode mode)
    {
        mode.ExprStartDepth++;
        if (mode.ExprStartDepth >= MaxExprNesting)
        {
            mode.ExprStartDepth--;
            BeginToken();
            ReportAt(pos - 1, $"{StringKind(mode)}: expressions nested too deeply");
            SkipField();
            return false;
        }

        return true;
    }

    /// <summary>After "expressions nested too deeply": skips the field's text up to its matching brace.</summary>
    private void SkipField()
    {
        int depth = 0;
        BeginToken();
        char quote = modes[modeIndex].Quote;
        while (pos < length && !(text[pos] == quote && depth == 0))
        {
            char c = text[pos];
            if (c is '\n' or '\r')
            {
                break;
            }

            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                pos++;
                break;
            }

            pos++;
        }

        Add(TokenKind.Error);
    }

    private void UnterminatedFString(ref StringMode mode)
    {
        int detectedAt = pos >= length ? EndOfFileLine() : line;
        string kind = mode.Template ? "t-string" : "f-string";
        string message = mode.QuoteSize == 3
            ? string.Create(CultureInfo.InvariantCulture, $"unterminated triple-quoted {kind} literal (detected at line {detectedAt})")
            : string.Create(CultureInfo.InvariantCulture, $"unterminated {kind} literal (detected at line {detectedAt})");
        Report(mode.StartLine, ColumnOn(mode.StartLineStart, mode.StartPos), message);

        // Drop the string and whatever brackets were opened inside it; go on at the line end.
        level = Math.Min(level, mode.LevelAtStart);
        modeIndex--;
        tokenStart = pos;
        tokenLine = line;
        tokenColumn = Column(pos);
        Add(TokenKind.Error);
    }

    private static byte[] BuildAsciiClass()
    {
        var classes = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            bool letter = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';
            bool digit = c is >= '0' and <= '9';
            classes[c] = (byte)((letter ? 1 : 0) | (letter || digit ? 2 : 0));
        }

        return classes;
    }

    /// <summary>The state of one f-string or t-string being read (CPython's tokenizer_mode).</summary>
    private struct StringMode
    {
        public bool Regular; // reading code (a replacement field) rather than literal text
        public char Quote;
        public int QuoteSize;
        public bool Raw;
        public bool Template;
        public int StartPos;
        public int StartLine;
        public int StartLineStart;
        public int CurlyDepth; // brackets open inside this string
        public int ExprStartDepth; // -1 outside replacement fields
        public bool InFormatSpec;
        public bool Debug;
        public int LevelAtStart;
    }
}
