using Skillprint.Python.Lexing;
using Skillprint.Python.Syntax;
using Attribute = Skillprint.Python.Syntax.Attribute;
using Tuple = Skillprint.Python.Syntax.Tuple;

namespace Skillprint.Python.Parsing;

// Strings: Grammar/python.gram "strings", PEP 701 f-strings and PEP 750 t-strings, with the
// concatenation of Parser/action_helpers.c (_PyPegen_concatenate_strings).
internal sealed partial class Parser
{
    // strings: (fstring | tstring | string)+
    private ExprNode ParseStrings()
    {
        ref readonly var first = ref Current;
        if (first.Kind == TokenKind.String && PeekKind() is not (TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart))
        {
            Eat();
            var single = DecodeStringToken(first, out _, out var singleKind);
            return new Constant(single, singleKind, first.Line, first.Column, first.EndLine, first.EndColumn);
        }

        int line = first.Line, column = first.Column;
        var start = _sp;
        bool anyFormatted = false, anyTemplate = false, anyBytes = false, anyText = false, anyPlain = false;
        while (Kind is TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart)
        {
            ref readonly var t = ref Current;
            if (t.Kind == TokenKind.String)
            {
                Eat();
                var value = DecodeStringToken(t, out var isBytes, out var kind);
                anyBytes |= isBytes;
                anyText |= !isBytes;
                anyPlain = true;
                Push(new Constant(value, kind, t.Line, t.Column, t.EndLine, t.EndColumn));
            }
            else
            {
                var template = t.Kind == TokenKind.TStringStart;
                anyTemplate |= template;
                anyFormatted |= !template;
                anyText = true;
                ParseFormattedString(template);
            }
        }

        if (anyBytes && anyText)
        {
            throw Error(_lastEndLine, _lastEndColumn, "cannot mix bytes and nonbytes literals");
        }

        if (anyTemplate && (anyPlain || anyFormatted))
        {
            throw ErrorAt(first, "cannot mix t-string literals with string or bytes literals");
        }

        if (!anyFormatted && !anyTemplate)
        {
            return ConcatenateConstants(start, line, column);
        }

        // Merge adjacent constants (the kind of the first) and drop empty ones.
        var values = MergeStringParts(start, dropEmpty: true);
        return anyTemplate && !anyFormatted
            ? new TemplateStr(values, line, column, _lastEndLine, _lastEndColumn)
            : new JoinedStr(values, line, column, _lastEndLine, _lastEndColumn);
    }

    private Constant ConcatenateConstants(int start, int line, int column)
    {
        var first = (Constant)_stack[start];
        var kind = first.Kind;
        object value;
        if (first.Value is byte[])
        {
            var total = 0;
            for (var i = start; i < _sp; i++)
            {
                total += ((byte[])((Constant)_stack[i]).Value!).Length;
            }

            var bytes = new byte[total];
            var at = 0;
            for (var i = start; i < _sp; i++)
            {
                var piece = (byte[])((Constant)_stack[i]).Value!;
                piece.CopyTo(bytes, at);
                at += piece.Length;
            }

            value = bytes;
        }
        else
        {
            value = JoinText(start, _sp);
        }

        Truncate(start);
        return new Constant(value, kind, line, column, _lastEndLine, _lastEndColumn);
    }

    /// <summary>The str values of the constants in [from, to) joined (escaped surrogates kept apart).</summary>
    private object JoinText(int from, int to)
    {
        var plain = true;
        for (var i = from; i < to; i++)
        {
            plain &= ((Constant)_stack[i]).Value is string;
        }

        if (plain)
        {
            var builder = new System.Text.StringBuilder();
            for (var i = from; i < to; i++)
            {
                builder.Append((string)((Constant)_stack[i]).Value!);
            }

            return builder.ToString();
        }

        object joined = ((Constant)_stack[from]).Value!;
        for (var i = from + 1; i < to; i++)
        {
            joined = Literals.Join(joined, ((Constant)_stack[i]).Value!);
        }

        return joined;
    }

    /// <summary>
    /// Pops the parts pushed since <paramref name="start"/>: runs of string constants become one
    /// constant spanning the run (with the first one's kind); empty ones are dropped.
    /// </summary>
    private ExprNode[] MergeStringParts(int start, bool dropEmpty)
    {
        var write = start;
        for (var read = start; read < _sp; read++)
        {
            var part = (ExprNode)_stack[read];
            if (part is Constant c && read + 1 < _sp && _stack[read + 1] is Constant)
            {
                var runStart = read;
                while (read + 1 < _sp && _stack[read + 1] is Constant)
                {
                    read++;
                }

                var last = (Constant)_stack[read];
                part = new Constant(JoinText(runStart, read + 1), c.Kind, c.Line, c.Column, last.EndLine, last.EndColumn);
            }

            if (dropEmpty && part is Constant { Value: string { Length: 0 } })
            {
                continue;
            }

            _stack[write++] = part;
        }

        Truncate(write);
        return PopArray<ExprNode>(start);
    }

    // fstring: FSTRING_START fstring_middle* FSTRING_END (and tstring alike); pushes the parts.
    private void ParseFormattedString(bool template)
    {
        ref readonly var startToken = ref Eat();
        var raw = IsRawPrefixed(startToken);
        var middle = template ? TokenKind.TStringMiddle : TokenKind.FStringMiddle;
        var end = template ? TokenKind.TStringEnd : TokenKind.FStringEnd;
        while (true)
        {
            ref readonly var t = ref Current;
            if (t.Kind == middle)
            {
                Eat();
                if (t.Length > 0)
                {
                    Push(new Constant(DecodeMiddle(t, raw), null, t.Line, t.Column, t.EndLine, MiddleEndColumn(t)));
                }
            }
            else if (t.Kind == TokenKind.LeftBrace)
            {
                ParseReplacementField(template, raw);
            }
            else if (t.Kind == end)
            {
                Eat();
                return;
            }
            else
            {
                throw ErrorAtCurrent(t.Kind == TokenKind.EndOfFile || t.Kind == TokenKind.Newline
                    ? (template ? "unterminated t-string literal" : "unterminated f-string literal")
                    : "invalid syntax");
            }
        }
    }

    // fstring_replacement_field: '{' annotated_rhs '='? [fstring_conversion] [fstring_full_format_spec] '}'
    private void ParseReplacementField(bool template, bool raw, bool inFormatSpec = false)
    {
        var openIndex = _pos;
        ref readonly var open = ref Eat();
        int line = open.Line, column = open.Column;
        int exprEndLine = open.EndLine, exprEndColumn = open.EndColumn;
        var exprStart = open.End;
        EnterExpression();
        if (Kind is TokenKind.RightBrace or TokenKind.Exclamation or TokenKind.Colon or TokenKind.Equal)
        {
            throw ErrorAtCurrent(template ? "t-string: valid expression required before '}'" : "f-string: valid expression required before '}'");
        }

        var value = Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
        var exprEnd = Current.Start;
        string? debugText = null;
        if (Kind == TokenKind.Equal)
        {
            Eat();
            ref readonly var after = ref Current;
            debugText = DebugText(exprStart, after.Start, openIndex);
            Push(new Constant(NormalizeNewlines(debugText), null, exprEndLine, exprEndColumn, after.Line, after.Column));
        }

        var conversion = -1;
        if (Kind == TokenKind.Exclamation)
        {
            ref readonly var bang = ref Eat();
            if (Kind != TokenKind.Name || Current.Start != bang.End)
            {
                throw ErrorAtCurrent(template
                    ? "t-string: conversion type must come right after the exclamanation mark"
                    : "f-string: conversion type must come right after the exclamanation mark");
            }

            ref readonly var name = ref Eat();
            var text = Text(name);
            if (text.Length != 1 || text[0] is not ('s' or 'r' or 'a'))
            {
                throw ErrorAt(name, $"{(template ? "t" : "f")}-string: invalid conversion character '{text.ToString()}': expected 's', 'r', or 'a'");
            }

            conversion = text[0];
        }

        ExprNode? formatSpec = null;
        if (Kind == TokenKind.Colon)
        {
            ref readonly var colon = ref Eat();
            int sl = colon.Line, sc = colon.Column;
            var specStart = _sp;
            var middle = template ? TokenKind.TStringMiddle : TokenKind.FStringMiddle;
            while (true)
            {
                ref readonly var t = ref Current;
                if (t.Kind == middle)
                {
                    Eat();
                    if (t.Length > 0)
                    {
                        Push(new Constant(DecodeMiddle(t, raw), null, t.Line, t.Column, t.EndLine, MiddleEndColumn(t)));
                    }
                }
                else if (t.Kind == TokenKind.LeftBrace)
                {
                    ParseReplacementField(template, raw, inFormatSpec: true);
                }
                else
                {
                    break;
                }
            }

            var specValues = MergeStringParts(specStart, dropEmpty: true);
            formatSpec = new JoinedStr(specValues, sl, sc, _lastEndLine, _lastEndColumn);
        }

        if (Kind != TokenKind.RightBrace)
        {
            throw ErrorAtCurrent(Kind is TokenKind.EndOfFile or TokenKind.Newline or TokenKind.FStringEnd or TokenKind.TStringEnd
                ? (template ? "t-string: expecting '}'" : "f-string: expecting '}'")
                : "invalid syntax");
        }

        ref readonly var close = ref Eat();
        _depth--;
        if (debugText is not null && conversion == -1 && formatSpec is null)
        {
            conversion = 'r';
        }

        // A format spec is formatted like an f-string, also inside a t-string (PEP 750).
        if (template && !inFormatSpec)
        {
            var str = _source.Substring(exprStart, exprEnd - exprStart);
            Push(new Interpolation(value, str, conversion, formatSpec, line, column, close.EndLine, close.EndColumn));
        }
        else
        {
            Push(new FormattedValue(value, conversion, formatSpec, line, column, close.EndLine, close.EndColumn));
        }
    }

    /// <summary>
    /// CPython's FSTRING_MIDDLE token ending in a doubled brace covers both braces; the lexer's token
    /// keeps only the first, so the column moves one on.
    /// </summary>
    private int MiddleEndColumn(in Token t)
    {
        var end = t.End;
        return end < _source.Length && _source[end - 1] is '{' or '}' && _source[end] == _source[end - 1]
            ? t.EndColumn + 1
            : t.EndColumn;
    }

    /// <summary>
    /// The text of a debug replacement field ('{expr=}') as CPython keeps it: the source from after
    /// '{' to the next part, without comments (which only stand between tokens).
    /// </summary>
    private string DebugText(int start, int end, int openIndex)
    {
        if (_source.AsSpan(start, end - start).IndexOf('#') < 0)
        {
            return _source.Substring(start, end - start);
        }

        var builder = new System.Text.StringBuilder(end - start);
        var gapStart = start;
        for (var i = openIndex + 1; i < _tokens.Length && _tokens[i].Start < end; i++)
        {
            AppendWithoutComment(builder, gapStart, _tokens[i].Start);
            builder.Append(_source, _tokens[i].Start, _tokens[i].End - _tokens[i].Start);
            gapStart = _tokens[i].End;
        }

        AppendWithoutComment(builder, gapStart, end);
        return builder.ToString();
    }

    private void AppendWithoutComment(System.Text.StringBuilder builder, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var c = _source[i];
            if (c == '#')
            {
                while (i < end && _source[i] is not ('\n' or '\r'))
                {
                    i++;
                }

                continue;
            }

            builder.Append(c);
            i++;
        }
    }

    private static string NormalizeNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;
}
