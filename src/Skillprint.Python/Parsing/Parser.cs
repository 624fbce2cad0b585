using System.Runtime.CompilerServices;
using Skillprint.Python.Lexing;
using Skillprint.Python.Syntax;
using Attribute = Skillprint.Python.Syntax.Attribute;
using Tuple = Skillprint.Python.Syntax.Tuple;

namespace Skillprint.Python.Parsing;

/// <summary>
/// A hand-written recursive-descent parser for Python 3.13 (Grammar/python.gram is the reference),
/// producing CPython's ast with CPython's positions. It looks at the current token, peeks and eats.
/// A syntax error is reported once per statement: the parser then skips to the next statement
/// boundary and goes on, so the module keeps every statement that parsed.
/// Where the PEG grammar backtracks, this parser parses a superset (an expression) and converts it
/// (to an assignment target), or looks ahead a bounded distance, so time stays linear.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>
    /// How deeply expressions may nest (unary operators, lambdas, conditional expressions; brackets
    /// the lexer stops at 200) before we stop, as CPython stops with "too complex". The stack check
    /// in <see cref="EnterExpression"/> guards threads with small stacks too.
    /// </summary>
    private const int MaxExpressionDepth = 1000;

    /// <summary>How deeply blocks may nest; CPython's tokenizer stops at 100 indentation levels.</summary>
    private const int MaxBlockDepth = 100;

    private readonly string _source;
    private readonly Token[] _tokens;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;

    /// <summary>One scratch stack for every list under construction (statements, expressions, args...).</summary>
    private object[] _stack = new object[256];
    private int _sp;

    private int _pos;
    private int _depth;

    // Above zero while a trial parse runs whose messages are thrown away (its result is all that counts).
    private int _speculating;

    // Whether the first syntax error was found at the end of the input (NEWLINE or ENDMARKER).
    private bool _firstErrorAtEnd;

    // The line of the token the parser was looking at when it found its first error.
    private int _firstErrorTokenLine;
    private int _blockDepth;

    // End of the last consumed token that is not NEWLINE, INDENT or DEDENT (CPython's EXTRA end).
    private int _lastEndLine = 1;
    private int _lastEndColumn;

    private Parser(LexResult lexed)
    {
        _source = lexed.Source;
        _tokens = lexed.Tokens;
        _diagnostics = new List<Diagnostic>(lexed.Diagnostics.Count + 4);
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static ParseResult ParseModule(string source, IReadOnlyList<Diagnostic>? decodingDiagnostics)
    {
        var lexed = Lexer.Tokenize(source);
        var parser = new Parser(lexed);
        var module = parser.ParseFileSafely();
        return new ParseResult(module, parser.CollectDiagnostics(lexed.Diagnostics, decodingDiagnostics));
    }

    public static ParseResult ParseBytes(byte[] bytes)
    {
        var decoded = SourceDecoder.Decode(bytes);
        return ParseModule(decoded.Text, decoded.Diagnostics);
    }

    private Module ParseFileSafely()
    {
        try
        {
            return ParseFile();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never let a bug of ours escape to the caller: report it where we were.
            var at = _tokens[Math.Min(_pos, _tokens.Length - 1)];
            _diagnostics.Add(new Diagnostic(at.Line, at.Column, "internal parser error: " + e.Message));
            return new Module([], []);
        }
    }

    /// <summary>
    /// All diagnostics, the one CPython would raise first in front, then the others in source order.
    /// CPython reports the first error it meets while parsing, with two twists that decide which one
    /// comes first (Parser/pegen_errors.c, _PyPegen_set_syntax_error): after a generic "invalid
    /// syntax" it tokenizes the rest of the file and a tokenizer error found there wins; and an
    /// unclosed bracket is only known at the end of the file, so it wins when the parser failed at
    /// the end or the bracket's line is before the error's.
    /// </summary>
    private List<Diagnostic> CollectDiagnostics(
        IReadOnlyList<Diagnostic> lexical,
        IReadOnlyList<Diagnostic>? decoding)
    {
        if (lexical.Count == 0 && (decoding is null || decoding.Count == 0))
        {
            return _diagnostics;
        }

        var all = new List<Diagnostic>(_diagnostics.Count + lexical.Count + (decoding?.Count ?? 0));
        if (decoding is not null)
        {
            all.AddRange(decoding);
        }

        all.AddRange(lexical);
        all.AddRange(_diagnostics);
        SortBySource(all);

        // A lexical error token usually also makes a syntax error at the same place: keep the first.
        var result = new List<Diagnostic>(all.Count);
        foreach (var d in all)
        {
            if (result.Count > 0 && result[^1].Line == d.Line && result[^1].Column == d.Column)
            {
                continue;
            }

            result.Add(d);
        }

        var first = ChooseFirst(lexical, decoding);
        if (first is { } chosen)
        {
            result.Remove(chosen);
            result.Insert(0, chosen);
        }

        return result;
    }

    private Diagnostic? ChooseFirst(IReadOnlyList<Diagnostic> lexical, IReadOnlyList<Diagnostic>? decoding)
    {
        if (decoding is { Count: > 0 })
        {
            return decoding[0];
        }

        Diagnostic? syntax = _diagnostics.Count > 0 ? _diagnostics[0] : null;
        Diagnostic? unclosed = null;
        var ordered = new List<Diagnostic>(lexical.Count);
        foreach (var d in lexical)
        {
            if (d.Message.EndsWith("was never closed", StringComparison.Ordinal))
            {
                unclosed ??= d;
            }
            else
            {
                ordered.Add(d);
            }
        }

        ordered.Sort(static (a, b) => LexicallyBefore(a, b) ? -1 : LexicallyBefore(b, a) ? 1 : 0);
        foreach (var d in ordered)
        {
            // A tokenizer error before the parser's was raised first. After it, CPython tokenizes
            // the rest of the file and the first error there wins, unless it is one its tokenizer
            // only flags (indentation, line continuation, a stray character), which ends the look;
            // "unexpected indent" is raised without that look.
            if (syntax is not { } s || LexicallyBefore(d, s))
            {
                return d;
            }

            if (d.Message == "invalid syntax")
            {
                continue; // a character CPython's tokenizer passes on to the parser
            }

            if (s.Message == "unexpected indent")
            {
                return s;
            }

            if (IsFlaggedOnly(d.Message))
            {
                // The look stops here, before the end of the file where an unclosed bracket shows.
                return s;
            }

            return d;
        }

        if (syntax is null)
        {
            return unclosed;
        }

        if (unclosed is { } u && (_firstErrorAtEnd || u.Line < _firstErrorTokenLine))
        {
            return u;
        }

        return syntax;
    }

    private static bool IsFlaggedOnly(string message) =>
        message.StartsWith("unindent does not match", StringComparison.Ordinal)
        || message.StartsWith("inconsistent use of tabs", StringComparison.Ordinal)
        || message.StartsWith("too many levels of indentation", StringComparison.Ordinal)
        || message.StartsWith("unexpected character after line continuation", StringComparison.Ordinal);

    private static bool LexicallyBefore(Diagnostic a, Diagnostic b)
    {
        if (a.Line != b.Line)
        {
            return a.Line < b.Line;
        }

        var aIndent = a.Message.StartsWith("unindent", StringComparison.Ordinal);
        var bIndent = b.Message.StartsWith("unindent", StringComparison.Ordinal);
        return aIndent != bIndent ? aIndent : a.Column < b.Column;
    }

    private static bool Before(Diagnostic a, Diagnostic b) => a.Line < b.Line || (a.Line == b.Line && a.Column < b.Column);

    private static void SortBySource(List<Diagnostic> list)
    {
        // Insertion sort: stable, and the lists are short.
        for (var i = 1; i < list.Count; i++)
        {
            var d = list[i];
            var j = i - 1;
            while (j >= 0 && Before(d, list[j]))
            {
                list[j + 1] = list[j];
                j--;
            }

            list[j + 1] = d;
        }
    }

    // ---- Tokens ----

    private TokenKind Kind
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _tokens[_pos].Kind;
    }

    private ref readonly Token Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref _tokens[_pos];
    }

    private TokenKind PeekKind(int offset = 1)
    {
        var i = _pos + offset;
        return i < _tokens.Length ? _tokens[i].Kind : TokenKind.EndOfFile;
    }

    private ref readonly Token Peek(int offset = 1)
    {
        var i = _pos + offset;
        return ref _tokens[i < _tokens.Length ? i : _tokens.Length - 1];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref readonly Token Eat()
    {
        ref readonly var t = ref _tokens[_pos];
        if (t.Kind != TokenKind.EndOfFile)
        {
            if (t.Kind is not (TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent))
            {
                _lastEndLine = t.EndLine;
                _lastEndColumn = t.EndColumn;
            }

            _pos++;
        }

        return ref t;
    }

    private bool TryEat(TokenKind kind)
    {
        if (_tokens[_pos].Kind == kind)
        {
            Eat();
            return true;
        }

        return false;
    }

    private ref readonly Token Expect(TokenKind kind)
    {
        if (_tokens[_pos].Kind != kind)
        {
            throw ErrorAtCurrent(kind switch
            {
                TokenKind.Colon => "expected ':'",
                TokenKind.LeftParen => "expected '('",
                TokenKind.Equal => "expected '='",
                _ => "invalid syntax",
            });
        }

        return ref Eat();
    }

    private ReadOnlySpan<char> Text(in Token t) => _source.AsSpan(t.Start, t.End - t.Start);

    private bool IsSoftKeyword(in Token t, string word) =>
        t.Kind == TokenKind.Name && Text(t).SequenceEqual(word);

    /// <summary>The identifier of a NAME token: NFKC-normalised, interned for this parse.</summary>
    private string NameOf(in Token t)
    {
        var span = Text(t);
        if (_nameLookup.TryGetValue(span, out var interned))
        {
            return interned;
        }

        var text = span.ToString();
        var normalized = Identifiers.Normalize(text);
        _names[text] = normalized;
        return normalized;
    }

    private string ExpectName()
    {
        if (Kind != TokenKind.Name)
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        return NameOf(Eat());
    }

    // ---- Errors ----

    /// <summary>Thrown to abandon the current statement; caught where statements are parsed.</summary>
    private sealed class ParseFailure : Exception
    {
    }

    private ParseFailure Error(int line, int column, string message)
    {
        if (_diagnostics.Count == 0)
        {
            _firstErrorTokenLine = _tokens[_pos].Line;
        }

        _diagnostics.Add(new Diagnostic(line, column, message));
        return new ParseFailure();
    }

    private ParseFailure ErrorAt(in Token t, string message)
    {
        if (t.Kind is TokenKind.EndOfFile or TokenKind.Dedent && AtEndOfInput(t))
        {
            var (line, column) = EndOfInputPosition();
            return Error(line, column, message);
        }

        return Error(t.Line, t.Column, message);
    }

    private bool AtEndOfInput(in Token t)
    {
        for (var i = _pos; i < _tokens.Length; i++)
        {
            if (_tokens[i].Kind is not (TokenKind.Dedent or TokenKind.EndOfFile))
            {
                return false;
            }
        }

        return t.Kind == TokenKind.EndOfFile || t.Start >= 0;
    }

    /// <summary>
    /// Where CPython's ENDMARKER stands: at the end of the last line's text (a final line end does
    /// not start another line).
    /// </summary>
    private (int Line, int Column) EndOfInputPosition()
    {
        var end = _source.Length;
        if (end > 0 && _source[end - 1] == '\n')
        {
            end--;
        }

        if (end > 0 && _source[end - 1] == '\r')
        {
            end--;
        }

        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < end; i++)
        {
            var c = _source[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= end || _source[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = System.Text.Encoding.UTF8.GetByteCount(_source.AsSpan(lineStart, end - lineStart));
        return (line, column);
    }

    private ParseFailure ErrorAt(LocatedNode n, string message) => Error(n.Line, n.Column, message);

    private ParseFailure ErrorAtCurrent(string message)
    {
        ref readonly var t = ref Current;
        if (t.Kind == TokenKind.Error)
        {
            // The lexer has reported this place already.
            return new ParseFailure();
        }

        if (message == "invalid syntax" && t.Kind == TokenKind.Indent)
        {
            message = "unexpected indent";
        }
        if (_diagnostics.Count == 0 && t.Kind is TokenKind.Newline or TokenKind.EndOfFile)
        {
            _firstErrorAtEnd = true;
        }

        return ErrorAt(t, message);
    }

    private void EnterExpression()
    {
        if (++_depth > MaxExpressionDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw ErrorAtCurrent("Parser stack overflowed - Python source too complex to parse");
        }
    }

    // ---- Scratch stack ----

    private void Push(object item)
    {
        if (_sp == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }

        _stack[_sp++] = item;
    }

    /// <summary>Pops everything pushed since <paramref name="start"/> into a new array.</summary>
    private T[] PopArray<T>(int start)
        where T : class
    {
        var count = _sp - start;
        if (count == 0)
        {
            return [];
        }

        var result = new T[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = (T)_stack[start + i];
            _stack[start + i] = null!;
        }

        _sp = start;
        return result;
    }

    private void Truncate(int start)
    {
        for (var i = start; i < _sp; i++)
        {
            _stack[i] = null!;
        }

        _sp = start;
    }
}
