using Skillprint.Python.Lexing;
using Skillprint.Python.Syntax;
using Attribute = Skillprint.Python.Syntax.Attribute;
using Tuple = Skillprint.Python.Syntax.Tuple;

namespace Skillprint.Python.Parsing;

// The match statement: Grammar/python.gram, "Match statement" (PEP 634).
internal sealed partial class Parser
{
    /// <summary>
    /// 'match' is a soft keyword: it starts a match statement only when its logical line ends with
    /// ':' and an indented block follows. One bounded scan of the line decides it.
    /// </summary>
    private bool LooksLikeMatchStatement()
    {
        var next = PeekKind();
        if (!(StartsExpression(next) || next == TokenKind.Star))
        {
            return false;
        }

        var i = _pos + 1;
        while (i < _tokens.Length && _tokens[i].Kind is not (TokenKind.Newline or TokenKind.EndOfFile))
        {
            i++;
        }

        return i < _tokens.Length && _tokens[i - 1].Kind == TokenKind.Colon;
    }

    // match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
    private Match ParseMatch()
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;

        // subject_expr: star_named_expression ',' star_named_expressions? | named_expression
        ref readonly var first = ref Current;
        int sl = first.Line, sc = first.Column;
        var subject = ParseStarNamedExpression();
        if (Kind == TokenKind.Comma)
        {
            var start = _sp;
            Push(subject);
            while (TryEat(TokenKind.Comma) && Kind != TokenKind.Colon)
            {
                Push(ParseStarNamedExpression());
            }

            subject = new Tuple(PopArray<ExprNode>(start), ExprContext.Load, sl, sc, _lastEndLine, _lastEndColumn);
        }
        else if (subject is Starred)
        {
            throw ErrorAt(subject, "cannot use starred expression here");
        }

        ExpectColon();
        if (Kind != TokenKind.Newline)
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        Eat();
        if (Kind != TokenKind.Indent)
        {
            throw ErrorAtCurrent($"expected an indented block after 'match' statement on line {line}");
        }

        Eat();
        var casesStart = _sp;
        while (IsSoftKeyword(Current, "case"))
        {
            Push(ParseCase());
        }

        if (_sp == casesStart || Kind != TokenKind.Dedent)
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        Eat();
        var cases = PopArray<MatchCase>(casesStart);
        return new Match(subject, cases, line, column, _lastEndLine, _lastEndColumn);
    }

    // case_block: "case" patterns guard? ':' block
    private MatchCase ParseCase()
    {
        ref readonly var t = ref Eat();
        var line = t.Line;
        var pattern = ParsePatterns();
        ExprNode? guard = null;
        if (TryEat(TokenKind.If))
        {
            guard = ParseNamedExpression();
        }

        ExpectColon();
        var body = ParseBlock("'case' statement", line);
        return new MatchCase(pattern, guard, body);
    }

    // patterns: open_sequence_pattern | pattern
    private Pattern ParsePatterns()
    {
        ref readonly var first = ref Current;
        int line = first.Line, column = first.Column;
        var p = ParseMaybeStarPattern();
        if (Kind != TokenKind.Comma)
        {
            if (p is MatchStar)
            {
                return new MatchSequence([p], line, column, _lastEndLine, _lastEndColumn);
            }

            return p;
        }

        var start = _sp;
        Push(p);
        while (TryEat(TokenKind.Comma) && Kind is not (TokenKind.Colon or TokenKind.If))
        {
            Push(ParseMaybeStarPattern());
        }

        return new MatchSequence(PopArray<Pattern>(start), line, column, _lastEndLine, _lastEndColumn);
    }

    // maybe_star_pattern: star_pattern | pattern
    private Pattern ParseMaybeStarPattern()
    {
        if (Kind != TokenKind.Star)
        {
            return ParsePattern();
        }

        ref readonly var star = ref Eat();
        int line = star.Line, column = star.Column;
        if (Kind != TokenKind.Name)
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        ref readonly var name = ref Eat();
        var id = IsSoftKeyword(name, "_") ? null : NameOf(name);
        return new MatchStar(id, line, column, name.EndLine, name.EndColumn);
    }

    // pattern: as_pattern | or_pattern
    private Pattern ParsePattern()
    {
        EnterExpression();
        ref readonly var startToken = ref Current;
        int line = startToken.Line, column = startToken.Column;
        var p = ParseOrPattern();
        if (Kind == TokenKind.As)
        {
            Eat();
            if (Kind != TokenKind.Name)
            {
                throw ErrorAtCurrent("invalid pattern target");
            }

            ref readonly var name = ref Eat();
            if (IsSoftKeyword(name, "_"))
            {
                throw ErrorAt(name, "cannot use '_' as a target");
            }

            p = new MatchAs(p, NameOf(name), line, column, name.EndLine, name.EndColumn);
        }

        _depth--;
        return p;
    }

    // or_pattern: '|'.closed_pattern+
    private Pattern ParseOrPattern()
    {
        ref readonly var startToken = ref Current;
        int line = startToken.Line, column = startToken.Column;
        var first = ParseClosedPattern();
        if (Kind != TokenKind.VerticalBar)
        {
            return first;
        }

        var start = _sp;
        Push(first);
        while (TryEat(TokenKind.VerticalBar))
        {
            Push(ParseClosedPattern());
        }

        var patterns = PopArray<Pattern>(start);
        var last = patterns[^1];
        return new MatchOr(patterns, line, column, _lastEndLine, _lastEndColumn);
    }

    // closed_pattern: literal | capture | wildcard | value | group | sequence | mapping | class
    private Pattern ParseClosedPattern()
    {
        ref readonly var t = ref Current;
        int line = t.Line, column = t.Column;
        switch (t.Kind)
        {
            case TokenKind.Number:
            case TokenKind.Minus:
            case TokenKind.String:
            case TokenKind.FStringStart:
            case TokenKind.TStringStart:
                {
                    var value = ParseLiteralExpression();
                    return new MatchValue(value, line, column, _lastEndLine, _lastEndColumn);
                }

            case TokenKind.None:
                Eat();
                return new MatchSingleton(null, line, column, t.EndLine, t.EndColumn);
            case TokenKind.True:
                Eat();
                return new MatchSingleton(true, line, column, t.EndLine, t.EndColumn);
            case TokenKind.False:
                Eat();
                return new MatchSingleton(false, line, column, t.EndLine, t.EndColumn);
            case TokenKind.Name:
                {
                    var isWildcard = IsSoftKeyword(t, "_");
                    var nameOrAttr = ParseNameOrAttribute();
                    if (Kind == TokenKind.LeftParen)
                    {
                        return ParseClassPattern(nameOrAttr);
                    }

                    if (nameOrAttr is Attribute)
                    {
                        return new MatchValue(nameOrAttr, line, column, nameOrAttr.EndLine, nameOrAttr.EndColumn);
                    }

                    return new MatchAs(null, isWildcard ? null : ((Name)nameOrAttr).Id, line, column, nameOrAttr.EndLine, nameOrAttr.EndColumn);
                }

            case TokenKind.LeftParen:
                {
                    Eat();
                    if (Kind == TokenKind.RightParen)
                    {
                        ref readonly var close = ref Eat();
                        return new MatchSequence([], line, column, close.EndLine, close.EndColumn);
                    }

                    var first = ParseMaybeStarPattern();
                    if (Kind == TokenKind.Comma)
                    {
                        var start = _sp;
                        Push(first);
                        while (TryEat(TokenKind.Comma) && Kind != TokenKind.RightParen)
                        {
                            Push(ParseMaybeStarPattern());
                        }

                        ref readonly var close = ref ExpectClosing(TokenKind.RightParen);
                        return new MatchSequence(PopArray<Pattern>(start), line, column, close.EndLine, close.EndColumn);
                    }

                    ExpectClosing(TokenKind.RightParen);
                    if (first is MatchStar)
                    {
                        throw ErrorAt(first, "invalid syntax");
                    }

                    return first;
                }

            case TokenKind.LeftBracket:
                {
                    Eat();
                    var start = _sp;
                    while (Kind != TokenKind.RightBracket)
                    {
                        Push(ParseMaybeStarPattern());
                        if (!TryEat(TokenKind.Comma))
                        {
                            break;
                        }
                    }

                    ref readonly var close = ref ExpectClosing(TokenKind.RightBracket);
                    return new MatchSequence(PopArray<Pattern>(start), line, column, close.EndLine, close.EndColumn);
                }

            case TokenKind.LeftBrace:
                return ParseMappingPattern();
            default:
                throw ErrorAtCurrent("invalid syntax");
        }
    }

    // name_or_attr: attr | NAME, with attr: name_or_attr '.' NAME
    private ExprNode ParseNameOrAttribute()
    {
        ref readonly var t = ref Eat();
        ExprNode e = new Name(NameOf(t), ExprContext.Load, t.Line, t.Column, t.EndLine, t.EndColumn);
        while (TryEat(TokenKind.Dot))
        {
            if (Kind != TokenKind.Name)
            {
                throw ErrorAtCurrent("invalid syntax");
            }

            ref readonly var name = ref Eat();
            e = new Attribute(e, NameOf(name), ExprContext.Load, e.Line, e.Column, name.EndLine, name.EndColumn);
        }

        return e;
    }

    // literal_expr without None/True/False: signed_number, complex_number or strings.
    private ExprNode ParseLiteralExpression()
    {
        if (Kind is TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart)
        {
            var s = ParseStrings();
            if (s is not Constant)
            {
                throw ErrorAt(s, "patterns may only match literals and attribute lookups");
            }

            return s;
        }

        ref readonly var startToken = ref Current;
        int line = startToken.Line, column = startToken.Column;
        var real = ParseSignedNumber();
        if (Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Eat().Kind == TokenKind.Plus ? Operator.Add : Operator.Sub;
            if (Kind != TokenKind.Number)
            {
                throw ErrorAtCurrent("invalid syntax");
            }

            ref readonly var t = ref Eat();
            var imaginary = new Constant(NumberValue(t), null, t.Line, t.Column, t.EndLine, t.EndColumn);
            if (imaginary.Value is not System.Numerics.Complex)
            {
                throw ErrorAt(imaginary, "imaginary number required in complex literal");
            }

            return new BinOp(real, op, imaginary, line, column, _lastEndLine, _lastEndColumn);
        }

        return real;
    }

    // signed_number: NUMBER | '-' NUMBER
    private ExprNode ParseSignedNumber()
    {
        ref readonly var first = ref Current;
        if (first.Kind == TokenKind.Minus)
        {
            Eat();
            if (Kind != TokenKind.Number)
            {
                throw ErrorAtCurrent("invalid syntax");
            }

            ref readonly var n = ref Eat();
            var operand = new Constant(NumberValue(n), null, n.Line, n.Column, n.EndLine, n.EndColumn);
            return new UnaryOp(UnaryOperator.USub, operand, first.Line, first.Column, n.EndLine, n.EndColumn);
        }

        if (first.Kind != TokenKind.Number)
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        Eat();
        return new Constant(NumberValue(first), null, first.Line, first.Column, first.EndLine, first.EndColumn);
    }

    // class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ','? ')'
    private MatchClass ParseClassPattern(ExprNode cls)
    {
        Eat(); // '('
        var start = _sp;
        List<string>? names = null;
        List<Pattern>? keywordPatterns = null;
        while (Kind != TokenKind.RightParen)
        {
            if (Kind == TokenKind.Name && PeekKind() == TokenKind.Equal)
            {
                ref readonly var name = ref Eat();
                Eat();
                (names ??= new List<string>(2)).Add(NameOf(name));
                (keywordPatterns ??= new List<Pattern>(2)).Add(ParsePattern());
            }
            else
            {
                var p = ParsePattern();
                if (names is not null)
                {
                    throw ErrorAt(p, "positional patterns follow keyword patterns");
                }

                Push(p);
            }

            if (!TryEat(TokenKind.Comma))
            {
                break;
            }
        }

        ref readonly var close = ref ExpectClosing(TokenKind.RightParen);
        return new MatchClass(
            cls,
            PopArray<Pattern>(start),
            names is null ? [] : names.ToArray(),
            keywordPatterns is null ? [] : keywordPatterns.ToArray(),
            cls.Line,
            cls.Column,
            close.EndLine,
            close.EndColumn);
    }

    // mapping_pattern: '{' [items_pattern] [double_star_pattern] ','? '}'
    private MatchMapping ParseMappingPattern()
    {
        ref readonly var open = ref Eat();
        int line = open.Line, column = open.Column;
        var keys = new List<ExprNode>(4);
        var start = _sp;
        string? rest = null;
        while (Kind != TokenKind.RightBrace)
        {
            if (rest is not null)
            {
                throw ErrorAtCurrent("invalid syntax");
            }

            if (TryEat(TokenKind.DoubleStar))
            {
                if (Kind != TokenKind.Name || IsSoftKeyword(Current, "_"))
                {
                    throw ErrorAtCurrent("invalid syntax");
                }

                rest = NameOf(Eat());
            }
            else
            {
                ExprNode key;
                ref readonly var t = ref Current;
                switch (t.Kind)
                {
                    case TokenKind.None:
                        Eat();
                        key = new Constant(null, null, t.Line, t.Column, t.EndLine, t.EndColumn);
                        break;
                    case TokenKind.True:
                        Eat();
                        key = new Constant(true, null, t.Line, t.Column, t.EndLine, t.EndColumn);
                        break;
                    case TokenKind.False:
                        Eat();
                        key = new Constant(false, null, t.Line, t.Column, t.EndLine, t.EndColumn);
                        break;
                    case TokenKind.Name:
                        key = ParseNameOrAttribute();
                        if (key is not Attribute)
                        {
                            throw ErrorAt(key, "invalid syntax");
                        }

                        break;
                    default:
                        key = ParseLiteralExpression();
                        break;
                }

                ExpectColon();
                keys.Add(key);
                Push(ParsePattern());
            }

            if (!TryEat(TokenKind.Comma))
            {
                break;
            }
        }

        ref readonly var close = ref ExpectClosing(TokenKind.RightBrace);
        return new MatchMapping(keys.ToArray(), PopArray<Pattern>(start), rest, line, column, close.EndLine, close.EndColumn);
    }
}
