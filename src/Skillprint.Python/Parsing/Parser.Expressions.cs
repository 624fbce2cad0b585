using Skillprint.Python.Lexing;
using Skillprint.Python.Syntax;
using Attribute = Skillprint.Python.Syntax.Attribute;
using Tuple = Skillprint.Python.Syntax.Tuple;

namespace Skillprint.Python.Parsing;

// Expressions: Grammar/python.gram, "EXPRESSIONS" and "PRIMARY ELEMENTS".
internal sealed partial class Parser
{
    // star_expressions: star_expression (',' star_expression)* [','] → Tuple when a comma is seen.
    private ExprNode ParseStarExpressions()
    {
        ref readonly var first = ref Current;
        int line = first.Line, column = first.Column;
        var e = ParseStarExpression();
        if (Kind != TokenKind.Comma)
        {
            return e;
        }

        var start = _sp;
        Push(e);
        while (TryEat(TokenKind.Comma))
        {
            if (!StartsExpression(Kind) && Kind != TokenKind.Star)
            {
                break;
            }

            Push(ParseStarExpression());
        }

        return new Tuple(PopArray<ExprNode>(start), ExprContext.Load, line, column, _lastEndLine, _lastEndColumn);
    }

    // star_expression: '*' bitwise_or | expression
    private ExprNode ParseStarExpression()
    {
        if (Kind == TokenKind.Star)
        {
            ref readonly var star = ref Eat();
            int line = star.Line, column = star.Column;
            var value = ParseBitwiseOr();
            return new Starred(value, ExprContext.Load, line, column, _lastEndLine, _lastEndColumn);
        }

        return ParseExpression();
    }

    // star_named_expression: '*' bitwise_or | named_expression
    private ExprNode ParseStarNamedExpression()
    {
        if (Kind == TokenKind.Star)
        {
            ref readonly var star = ref Eat();
            int line = star.Line, column = star.Column;
            var value = ParseBitwiseOr();
            return new Starred(value, ExprContext.Load, line, column, _lastEndLine, _lastEndColumn);
        }

        return ParseNamedExpression();
    }

    // named_expression: NAME ':=' expression | expression !':='
    private ExprNode ParseNamedExpression()
    {
        if (Kind == TokenKind.Name && PeekKind() == TokenKind.ColonEqual)
        {
            ref readonly var nameToken = ref Eat();
            var target = new Name(NameOf(nameToken), ExprContext.Store, nameToken.Line, nameToken.Column, nameToken.EndLine, nameToken.EndColumn);
            Eat();
            var value = ParseExpression();
            return new NamedExpr(target, value, target.Line, target.Column, _lastEndLine, _lastEndColumn);
        }

        var e = ParseExpression();
        if (Kind == TokenKind.ColonEqual)
        {
            throw ErrorAt(e, "cannot use assignment expressions with " + ExpressionName(e));
        }

        return e;
    }

    // expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    private ExprNode ParseExpression()
    {
        EnterExpression();
        ExprNode result;
        if (Kind == TokenKind.Lambda)
        {
            result = ParseLambda();
        }
        else
        {
            ref readonly var startToken = ref Current;
            int line = startToken.Line, column = startToken.Column;
            result = ParseDisjunction();
            if (Kind == TokenKind.If)
            {
                Eat();
                var test = ParseDisjunction();
                if (Kind != TokenKind.Else)
                {
                    throw Kind == TokenKind.Colon
                        ? ErrorAtCurrent("invalid syntax")
                        : Error(line, column, "expected 'else' after 'if' expression");
                }

                Eat();
                var orelse = ParseExpression();
                result = new IfExp(test, result, orelse, line, column, _lastEndLine, _lastEndColumn);
            }
        }

        _depth--;
        return result;
    }

    // disjunction: conjunction ('or' conjunction)+ | conjunction
    private ExprNode ParseDisjunction()
    {
        ref readonly var startToken = ref Current;
        int line = startToken.Line, column = startToken.Column;
        var first = ParseConjunction();
        if (Kind != TokenKind.Or)
        {
            return first;
        }

        var start = _sp;
        Push(first);
        while (TryEat(TokenKind.Or))
        {
            Push(ParseConjunction());
        }

        var values = PopArray<ExprNode>(start);
        return new BoolOp(BoolOperator.Or, values, line, column, _lastEndLine, _lastEndColumn);
    }

    // conjunction: inversion ('and' inversion)+ | inversion
    private ExprNode ParseConjunction()
    {
        ref readonly var startToken = ref Current;
        int line = startToken.Line, column = startToken.Column;
        var first = ParseInversion();
        if (Kind != TokenKind.And)
        {
            return first;
        }

        var start = _sp;
        Push(first);
        while (TryEat(TokenKind.And))
        {
            Push(ParseInversion());
        }

        var values = PopArray<ExprNode>(start);
        return new BoolOp(BoolOperator.And, values, line, column, _lastEndLine, _lastEndColumn);
    }

    // inversion: 'not' inversion | comparison
    private ExprNode ParseInversion()
    {
        if (Kind == TokenKind.Not)
        {
            ref readonly var not = ref Eat();
            int line = not.Line, column = not.Column;
            EnterExpression();
            var operand = ParseInversion();
            _depth--;
            return new UnaryOp(UnaryOperator.Not, operand, line, column, _lastEndLine, _lastEndColumn);
        }

        return ParseComparison();
    }

    // comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    private ExprNode ParseComparison()
    {
        ref readonly var startToken = ref Current;
        int line = startToken.Line, column = startToken.Column;
        var left = ParseBitwiseOr();
        if (!IsComparisonStart())
        {
            return left;
        }

        var ops = new List<CmpOperator>(2);
        var start = _sp;
        while (IsComparisonStart())
        {
            ops.Add(EatComparisonOperator());
            Push(ParseBitwiseOr());
        }

        var comparators = PopArray<ExprNode>(start);
        var last = comparators[^1];
        return new Compare(left, ops.ToArray(), comparators, line, column, _lastEndLine, _lastEndColumn);
    }

    private bool IsComparisonStart()
    {
        switch (Kind)
        {
            case TokenKind.EqualEqual:
            case TokenKind.NotEqual:
            case TokenKind.Less:
            case TokenKind.LessEqual:
            case TokenKind.Greater:
            case TokenKind.GreaterEqual:
            case TokenKind.In:
            case TokenKind.Is:
                return true;
            case TokenKind.Not:
                return PeekKind() == TokenKind.In;
            default:
                return false;
        }
    }

    private CmpOperator EatComparisonOperator()
    {
        var kind = Eat().Kind;
        switch (kind)
        {
            case TokenKind.EqualEqual:
                return CmpOperator.Eq;
            case TokenKind.NotEqual:
                return CmpOperator.NotEq;
            case TokenKind.Less:
                return CmpOperator.Lt;
            case TokenKind.LessEqual:
                return CmpOperator.LtE;
            case TokenKind.Greater:
                return CmpOperator.Gt;
            case TokenKind.GreaterEqual:
                return CmpOperator.GtE;
            case TokenKind.In:
                return CmpOperator.In;
            case TokenKind.Is:
                return TryEat(TokenKind.Not) ? CmpOperator.IsNot : CmpOperator.Is;
            default:
                Eat(); // 'in' after 'not'
                return CmpOperator.NotIn;
        }
    }

    // bitwise_or .. term: the binary operators, by precedence climbing (all left-associative).
    private ExprNode ParseBitwiseOr() => ParseBinary(1);

    private ExprNode ParseBinary(int minPrecedence)
    {
        ref readonly var startToken = ref Current;
        int line = startToken.Line, column = startToken.Column;
        var left = ParseFactor();
        while (true)
        {
            var precedence = BinaryPrecedence(Kind, out var op);
            if (precedence < minPrecedence)
            {
                return left;
            }

            Eat();
            var right = ParseBinary(precedence + 1);
            left = new BinOp(left, op, right, line, column, _lastEndLine, _lastEndColumn);
        }
    }

    private static int BinaryPrecedence(TokenKind kind, out Operator op)
    {
        switch (kind)
        {
            case TokenKind.VerticalBar:
                op = Operator.BitOr;
                return 1;
            case TokenKind.Caret:
                op = Operator.BitXor;
                return 2;
            case TokenKind.Ampersand:
                op = Operator.BitAnd;
                return 3;
            case TokenKind.LeftShift:
                op = Operator.LShift;
                return 4;
            case TokenKind.RightShift:
                op = Operator.RShift;
                return 4;
            case TokenKind.Plus:
                op = Operator.Add;
                return 5;
            case TokenKind.Minus:
                op = Operator.Sub;
                return 5;
            case TokenKind.Star:
                op = Operator.Mult;
                return 6;
            case TokenKind.Slash:
                op = Operator.Div;
                return 6;
            case TokenKind.DoubleSlash:
                op = Operator.FloorDiv;
                return 6;
            case TokenKind.Percent:
                op = Operator.Mod;
                return 6;
            case TokenKind.At:
                op = Operator.MatMult;
                return 6;
            default:
                op = default;
                return 0;
        }
    }

    // factor: '+' factor | '-' factor | '~' factor | power
    private ExprNode ParseFactor()
    {
        UnaryOperator op;
        switch (Kind)
        {
            case TokenKind.Plus:
                op = UnaryOperator.UAdd;
                break;
            case TokenKind.Minus:
                op = UnaryOperator.USub;
                break;
            case TokenKind.Tilde:
                op = UnaryOperator.Invert;
                break;
            default:
                return ParsePower();
        }

        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        EnterExpression();
        var operand = ParseFactor();
        _depth--;
        return new UnaryOp(op, operand, line, column, _lastEndLine, _lastEndColumn);
    }

    // power: await_primary '**' factor | await_primary
    private ExprNode ParsePower()
    {
        ref readonly var startToken = ref Current;
        int line = startToken.Line, column = startToken.Column;
        var left = ParseAwaitPrimary();
        if (Kind != TokenKind.DoubleStar)
        {
            return left;
        }

        Eat();
        EnterExpression();
        var right = ParseFactor();
        _depth--;
        return new BinOp(left, Operator.Pow, right, line, column, _lastEndLine, _lastEndColumn);
    }

    // await_primary: 'await' primary | primary
    private ExprNode ParseAwaitPrimary()
    {
        if (Kind == TokenKind.Await)
        {
            ref readonly var t = ref Eat();
            int line = t.Line, column = t.Column;
            var value = ParsePrimary();
            return new Await(value, line, column, _lastEndLine, _lastEndColumn);
        }

        return ParsePrimary();
    }

    // primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' | primary '[' slices ']' | atom
    private ExprNode ParsePrimary()
    {
        ref readonly var startToken = ref Current;
        int line = startToken.Line, column = startToken.Column;
        var e = ParseAtom();
        while (true)
        {
            switch (Kind)
            {
                case TokenKind.Dot:
                    {
                        Eat();
                        if (Kind != TokenKind.Name)
                        {
                            throw ErrorAtCurrent("invalid syntax");
                        }

                        ref readonly var name = ref Eat();
                        e = new Attribute(e, NameOf(name), ExprContext.Load, line, column, name.EndLine, name.EndColumn);
                        break;
                    }

                case TokenKind.LeftParen:
                    e = ParseCall(e, line, column);
                    break;
                case TokenKind.LeftBracket:
                    {
                        Eat();
                        EnterExpression();
                        var slice = ParseSlices();
                        _depth--;
                        ref readonly var close = ref ExpectClosing(TokenKind.RightBracket);
                        e = new Subscript(e, slice, ExprContext.Load, line, column, close.EndLine, close.EndColumn);
                        break;
                    }

                default:
                    return e;
            }
        }
    }

    private ref readonly Token ExpectClosing(TokenKind kind)
    {
        if (Kind != kind)
        {
            if (_speculating == 0 && StartsExpression(Kind) && MissingCommaElement() is { } start && NextExpressionParses())
            {
                throw ErrorAt(_tokens[start], "invalid syntax. Perhaps you forgot a comma?");
            }

            throw ErrorAtCurrent("invalid syntax");
        }

        return ref Eat();
    }

    /// <summary>Whether an expression parses from here (the state is restored; only on error).</summary>
    private bool NextExpressionParses()
    {
        var pos = _pos;
        var sp = _sp;
        var depth = _depth;
        var diagnostics = _diagnostics.Count;
        int lastEndLine = _lastEndLine, lastEndColumn = _lastEndColumn;
        var parses = true;
        _speculating++;
        try
        {
            ParseExpression();
        }
        catch (ParseFailure)
        {
            parses = false;
        }

        _speculating--;

        _pos = pos;
        Truncate(sp);
        _depth = depth;
        _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
        _lastEndLine = lastEndLine;
        _lastEndColumn = lastEndColumn;
        return parses;
    }

    /// <summary>
    /// invalid_expression: inside brackets, a disjunction directly followed by another expression
    /// is reported as a missing comma, at the first one's start (unless it starts with a soft
    /// keyword or a name followed by a string). Scans back over the element just parsed; only on error.
    /// </summary>
    private int? MissingCommaElement()
    {
        var depth = 0;
        var i = _pos - 1;
        for (; i >= 0; i--)
        {
            var kind = _tokens[i].Kind;
            if (kind is TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace)
            {
                depth++;
                continue;
            }

            if (kind is TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace)
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
                continue;
            }

            if (depth > 0)
            {
                continue;
            }

            if (kind is TokenKind.Comma or TokenKind.Equal or TokenKind.Colon)
            {
                break;
            }

            if (kind is TokenKind.If or TokenKind.Else or TokenKind.Lambda or TokenKind.ColonEqual or TokenKind.For
                or TokenKind.Yield)
            {
                return null;
            }
        }

        var start = i + 1;
        if (start >= _pos)
        {
            return null;
        }

        ref readonly var first = ref _tokens[start];
        if (first.Kind is TokenKind.Star or TokenKind.DoubleStar)
        {
            return null;
        }

        if (first.Kind == TokenKind.Name
            && (_tokens[start + 1].Kind is TokenKind.String or TokenKind.FStringStart
                || IsSoftKeyword(first, "match") || IsSoftKeyword(first, "case")
                || IsSoftKeyword(first, "type") || IsSoftKeyword(first, "_")))
        {
            return null;
        }

        return start;
    }

    // slices: slice !',' | ','.(slice | starred_expression)+ [','] → Tuple
    private ExprNode ParseSlices()
    {
        ref readonly var first = ref Current;
        int line = first.Line, column = first.Column;
        var e = ParseSliceOrStarred();
        if (Kind != TokenKind.Comma)
        {
            if (e is Starred)
            {
                return new Tuple([e], ExprContext.Load, line, column, _lastEndLine, _lastEndColumn);
            }

            return e;
        }

        var start = _sp;
        Push(e);
        while (TryEat(TokenKind.Comma))
        {
            if (Kind == TokenKind.RightBracket)
            {
                break;
            }

            Push(ParseSliceOrStarred());
        }

        return new Tuple(PopArray<ExprNode>(start), ExprContext.Load, line, column, _lastEndLine, _lastEndColumn);
    }

    // slice: [expression] ':' [expression] [':' [expression]] | named_expression
    private ExprNode ParseSliceOrStarred()
    {
        if (Kind == TokenKind.Star)
        {
            ref readonly var star = ref Eat();
            int sl = star.Line, sc = star.Column;
            var value = ParseExpression();
            return new Starred(value, ExprContext.Load, sl, sc, _lastEndLine, _lastEndColumn);
        }

        ref readonly var first = ref Current;
        int line = first.Line, column = first.Column;
        ExprNode? lower = null;
        if (Kind != TokenKind.Colon)
        {
            lower = ParseNamedExpression();
            if (Kind != TokenKind.Colon)
            {
                return lower;
            }

            if (lower is NamedExpr)
            {
                throw ErrorAtCurrent("invalid syntax");
            }
        }

        Eat(); // ':'
        ExprNode? upper = null;
        ExprNode? step = null;
        if (StartsExpression(Kind))
        {
            upper = ParseExpression();
        }

        if (TryEat(TokenKind.Colon) && StartsExpression(Kind))
        {
            step = ParseExpression();
        }

        return new Slice(lower, upper, step, line, column, _lastEndLine, _lastEndColumn);
    }

    // primary '(' [arguments] ')' and primary genexp
    private ExprNode ParseCall(ExprNode func, int line, int column)
    {
        Eat(); // '('
        EnterExpression();
        var keywords = ParseArguments(out var args, allowGenerator: true, TokenKind.RightParen);
        _depth--;
        ref readonly var close = ref ExpectClosing(TokenKind.RightParen);
        return new Call(func, args, keywords, line, column, close.EndLine, close.EndColumn);
    }

    /// <summary>
    /// arguments: args [','] &')' — positional and starred arguments in <paramref name="args"/>,
    /// keyword and double-starred ones returned. The caller eats the closing token. A lone
    /// generator expression argument spans the parentheses, as in CPython.
    /// </summary>
    private Keyword[] ParseArguments(out ExprNode[] args, bool allowGenerator, TokenKind close)
    {
        var openToken = _tokens[_pos - 1];
        var positional = _sp;
        var keywordList = default(List<Keyword>);
        var seenKeyword = false;
        var seenDoubleStar = false;
        var count = 0;
        string? misplaced = null; // CPython reports it at the closing parenthesis
        while (Kind != close)
        {
            count++;
            ref readonly var t = ref Current;
            if (t.Kind == TokenKind.Star)
            {
                if (seenDoubleStar)
                {
                    // CPython names the comma before the starred argument.
                    throw ErrorAt(_tokens[_pos - 1], "iterable argument unpacking follows keyword argument unpacking");
                }

                Eat();
                int line = t.Line, column = t.Column;
                var value = ParseExpression();

                Push(new Starred(value, ExprContext.Load, line, column, _lastEndLine, _lastEndColumn));
            }
            else if (t.Kind == TokenKind.DoubleStar)
            {
                Eat();
                int line = t.Line, column = t.Column;
                var value = ParseExpression();
                keywordList ??= new List<Keyword>(2);
                keywordList.Add(new Keyword(null, value, line, column, _lastEndLine, _lastEndColumn));
                seenDoubleStar = true;
            }
            else if (t.Kind == TokenKind.Name && PeekKind() == TokenKind.Equal)
            {
                Eat();
                int line = t.Line, column = t.Column;
                var name = NameOf(t);
                Eat(); // '='
                var value = ParseExpression();
                keywordList ??= new List<Keyword>(2);
                keywordList.Add(new Keyword(name, value, line, column, _lastEndLine, _lastEndColumn));
                seenKeyword = true;
            }
            else if (t.Kind is TokenKind.True or TokenKind.False or TokenKind.None && PeekKind() == TokenKind.Equal)
            {
                throw Error(t.Line, t.Column, "cannot assign to " + Text(t).ToString());
            }
            else
            {
                var value = ParseNamedExpression();
                if (Kind is TokenKind.For or TokenKind.Async)
                {
                    var generators = ParseComprehensionClauses();
                    if (!allowGenerator || count > 1 || Kind != close)
                    {
                        throw Error(value.Line, value.Column, "Generator expression must be parenthesized");
                    }

                    ref readonly var end = ref Current; // the closing parenthesis
                    value = new GeneratorExp(value, generators, openToken.Line, openToken.Column, end.EndLine, end.EndColumn);
                }
                else if (Kind == TokenKind.Equal)
                {
                    throw Error(value.Line, value.Column, "expression cannot contain assignment, perhaps you meant \"==\"?");
                }
                else if (misplaced is null && (seenDoubleStar || seenKeyword))
                {
                    misplaced = seenDoubleStar
                        ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument";
                }

                Push(value);
            }

            if (!TryEat(TokenKind.Comma))
            {
                break;
            }
        }

        if (Kind != close)
        {
            ExpectClosing(close); // reports a missing comma or the unexpected token
        }

        if (misplaced is not null)
        {
            throw ErrorAtCurrent(misplaced);
        }

        args = PopArray<ExprNode>(positional);
        return keywordList is null ? [] : keywordList.ToArray();
    }

    // atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | (tuple | group | genexp) | (list | listcomp)
    //     | (dict | set | dictcomp | setcomp) | '...'
    private ExprNode ParseAtom()
    {
        ref readonly var t = ref Current;
        switch (t.Kind)
        {
            case TokenKind.Name:
                Eat();
                return new Name(NameOf(t), ExprContext.Load, t.Line, t.Column, t.EndLine, t.EndColumn);
            case TokenKind.Number:
                Eat();
                return new Constant(NumberValue(t), null, t.Line, t.Column, t.EndLine, t.EndColumn);
            case TokenKind.String:
            case TokenKind.FStringStart:
            case TokenKind.TStringStart:
                return ParseStrings();
            case TokenKind.True:
                Eat();
                return new Constant(true, null, t.Line, t.Column, t.EndLine, t.EndColumn);
            case TokenKind.False:
                Eat();
                return new Constant(false, null, t.Line, t.Column, t.EndLine, t.EndColumn);
            case TokenKind.None:
                Eat();
                return new Constant(null, null, t.Line, t.Column, t.EndLine, t.EndColumn);
            case TokenKind.Ellipsis:
                Eat();
                return new Constant(EllipsisValue.Instance, null, t.Line, t.Column, t.EndLine, t.EndColumn);
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return ParseListDisplay();
            case TokenKind.LeftBrace:
                return ParseBraceDisplay();
            default:
                throw ErrorAtCurrent("invalid syntax");
        }
    }

    // tuple | group | genexp
    private ExprNode ParseParenthesized()
    {
        ref readonly var open = ref Eat();
        int line = open.Line, column = open.Column;
        EnterExpression();
        ExprNode result;
        if (Kind == TokenKind.RightParen)
        {
            ref readonly var close = ref Eat();
            result = new Tuple([], ExprContext.Load, line, column, close.EndLine, close.EndColumn);
        }
        else if (Kind == TokenKind.Yield)
        {
            result = ParseYieldExpression();
            ExpectClosing(TokenKind.RightParen);
        }
        else
        {
            var first = ParseStarNamedExpression();
            if (Kind is TokenKind.For or TokenKind.Async)
            {
                if (first is Starred)
                {
                    throw ErrorAt(first, "iterable unpacking cannot be used in comprehension");
                }

                var generators = ParseComprehensionClauses();
                ref readonly var close = ref ExpectClosing(TokenKind.RightParen);
                result = new GeneratorExp(first, generators, line, column, close.EndLine, close.EndColumn);
            }
            else if (Kind == TokenKind.Comma)
            {
                var start = _sp;
                Push(first);
                while (TryEat(TokenKind.Comma) && Kind != TokenKind.RightParen)
                {
                    Push(ParseStarNamedExpression());
                }

                ref readonly var close = ref ExpectClosing(TokenKind.RightParen);
                result = new Tuple(PopArray<ExprNode>(start), ExprContext.Load, line, column, close.EndLine, close.EndColumn);
            }
            else
            {
                ExpectClosing(TokenKind.RightParen);
                if (first is Starred)
                {
                    throw ErrorAt(first, "cannot use starred expression here");
                }

                result = first;
            }
        }

        _depth--;
        return result;
    }

    // list | listcomp
    private ExprNode ParseListDisplay()
    {
        ref readonly var open = ref Eat();
        int line = open.Line, column = open.Column;
        EnterExpression();
        ExprNode result;
        if (Kind == TokenKind.RightBracket)
        {
            ref readonly var close = ref Eat();
            result = new List([], ExprContext.Load, line, column, close.EndLine, close.EndColumn);
        }
        else
        {
            var first = ParseStarNamedExpression();
            if (Kind is TokenKind.For or TokenKind.Async)
            {
                if (first is Starred)
                {
                    throw ErrorAt(first, "iterable unpacking cannot be used in comprehension");
                }

                var generators = ParseComprehensionClauses();
                ref readonly var close = ref ExpectClosing(TokenKind.RightBracket);
                result = new ListComp(first, generators, line, column, close.EndLine, close.EndColumn);
            }
            else
            {
                var start = _sp;
                Push(first);
                while (TryEat(TokenKind.Comma) && Kind != TokenKind.RightBracket)
                {
                    Push(ParseStarNamedExpression());
                }

                ref readonly var close = ref ExpectClosing(TokenKind.RightBracket);
                result = new List(PopArray<ExprNode>(start), ExprContext.Load, line, column, close.EndLine, close.EndColumn);
            }
        }

        _depth--;
        return result;
    }

    // dict | set | dictcomp | setcomp
    private ExprNode ParseBraceDisplay()
    {
        ref readonly var open = ref Eat();
        int line = open.Line, column = open.Column;
        EnterExpression();
        ExprNode result;
        if (Kind == TokenKind.RightBrace)
        {
            ref readonly var close = ref Eat();
            result = new Dict([], [], line, column, close.EndLine, close.EndColumn);
        }
        else if (Kind == TokenKind.DoubleStar)
        {
            result = ParseDictRest(null, line, column);
        }
        else
        {
            ref readonly var firstToken = ref Current;
            int fl = firstToken.Line, fc = firstToken.Column;
            var first = ParseStarNamedExpression();
            if (Kind == TokenKind.Colon && first is not Starred && !(first is NamedExpr && first.Line == fl && first.Column == fc))
            {
                Eat();
                var value = ParseExpression();
                if (Kind is TokenKind.For or TokenKind.Async)
                {
                    var generators = ParseComprehensionClauses();
                    ref readonly var close = ref ExpectClosing(TokenKind.RightBrace);
                    result = new DictComp(first, value, generators, line, column, close.EndLine, close.EndColumn);
                }
                else
                {
                    result = ParseDictRest((first, value), line, column);
                }
            }
            else if (Kind is TokenKind.For or TokenKind.Async)
            {
                if (first is Starred)
                {
                    throw ErrorAt(first, "iterable unpacking cannot be used in comprehension");
                }

                var generators = ParseComprehensionClauses();
                ref readonly var close = ref ExpectClosing(TokenKind.RightBrace);
                result = new SetComp(first, generators, line, column, close.EndLine, close.EndColumn);
            }
            else
            {
                var start = _sp;
                Push(first);
                while (TryEat(TokenKind.Comma) && Kind != TokenKind.RightBrace)
                {
                    Push(ParseStarNamedExpression());
                }

                ref readonly var close = ref ExpectClosing(TokenKind.RightBrace);
                result = new Set(PopArray<ExprNode>(start), line, column, close.EndLine, close.EndColumn);
            }
        }

        _depth--;
        return result;
    }

    // dict: '{' [double_starred_kvpairs] '}'; the first pair (if any) is parsed already.
    private Dict ParseDictRest((ExprNode Key, ExprNode Value)? first, int line, int column)
    {
        var keys = new List<ExprNode?>(4);
        var values = new List<ExprNode>(4);
        if (first is { } pair)
        {
            keys.Add(pair.Key);
            values.Add(pair.Value);
            if (!TryEat(TokenKind.Comma))
            {
                goto close;
            }
        }

        while (Kind != TokenKind.RightBrace)
        {
            if (TryEat(TokenKind.DoubleStar))
            {
                keys.Add(null);
                values.Add(ParseBitwiseOr());
            }
            else
            {
                var key = ParseExpression();
                if (Kind != TokenKind.Colon)
                {
                    throw Kind is TokenKind.Comma or TokenKind.RightBrace
                        ? ErrorAt(key, "':' expected after dictionary key")
                        : ErrorAtCurrent("invalid syntax");
                }

                Eat();
                if (Kind is TokenKind.Comma or TokenKind.RightBrace)
                {
                    throw ErrorAtCurrent("expression expected after dictionary key and ':'");
                }

                keys.Add(key);
                values.Add(ParseExpression());
            }

            if (Kind is TokenKind.For or TokenKind.Async)
            {
                throw ErrorAtCurrent("dict unpacking cannot be used in dict comprehension");
            }

            if (!TryEat(TokenKind.Comma))
            {
                break;
            }
        }

    close:
        ref readonly var end = ref ExpectClosing(TokenKind.RightBrace);
        return new Dict(keys.ToArray(), values.ToArray(), line, column, end.EndLine, end.EndColumn);
    }

    // for_if_clauses: (['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*)+
    private Comprehension[] ParseComprehensionClauses()
    {
        var start = _sp;
        while (Kind == TokenKind.For || (Kind == TokenKind.Async && PeekKind() == TokenKind.For))
        {
            var isAsync = TryEat(TokenKind.Async) ? 1 : 0;
            Eat(); // 'for'
            var target = ParseTargetList(TargetKind.For, TokenKind.In);
            if (Kind != TokenKind.In)
            {
                throw ErrorAtCurrent("invalid syntax");
            }

            Eat();
            var iter = ParseDisjunction();
            ExprNode[] ifs = [];
            if (Kind == TokenKind.If)
            {
                var ifStart = _sp;
                while (TryEat(TokenKind.If))
                {
                    Push(ParseDisjunction());
                }

                ifs = PopArray<ExprNode>(ifStart);
            }

            Push(new Comprehension(target, iter, ifs, isAsync));
        }

        return PopArray<Comprehension>(start);
    }

    // lambdef: 'lambda' [lambda_params] ':' expression
    private ExprNode ParseLambda()
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        var args = ParseParameters(TokenKind.Colon, lambda: true);
        if (Kind != TokenKind.Colon)
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        Eat();
        var body = ParseExpression();
        return new Lambda(args, body, line, column, _lastEndLine, _lastEndColumn);
    }

    // yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    private ExprNode ParseYieldExpression()
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        if (TryEat(TokenKind.From))
        {
            var value = ParseExpression();
            return new YieldFrom(value, line, column, _lastEndLine, _lastEndColumn);
        }

        if (StartsExpression(Kind) || Kind == TokenKind.Star)
        {
            var value = ParseStarExpressions();
            return new Yield(value, line, column, _lastEndLine, _lastEndColumn);
        }

        return new Yield(null, line, column, t.EndLine, t.EndColumn);
    }

    /// <summary>Whether a token can begin an expression (not counting '*').</summary>
    private static bool StartsExpression(TokenKind kind)
    {
        switch (kind)
        {
            case TokenKind.Name:
            case TokenKind.Number:
            case TokenKind.String:
            case TokenKind.FStringStart:
            case TokenKind.TStringStart:
            case TokenKind.LeftParen:
            case TokenKind.LeftBracket:
            case TokenKind.LeftBrace:
            case TokenKind.Minus:
            case TokenKind.Plus:
            case TokenKind.Tilde:
            case TokenKind.Ellipsis:
            case TokenKind.True:
            case TokenKind.False:
            case TokenKind.None:
            case TokenKind.Not:
            case TokenKind.Await:
            case TokenKind.Lambda:
                return true;
            default:
                return false;
        }
    }

    /// <summary>CPython's _PyPegen_get_expr_name: how error messages name an expression.</summary>
    private static string ExpressionName(ExprNode e)
    {
        switch (e)
        {
            case Attribute:
                return "attribute";
            case Subscript:
                return "subscript";
            case Starred:
                return "starred";
            case Name:
                return "name";
            case List:
                return "list";
            case Tuple:
                return "tuple";
            case Lambda:
                return "lambda";
            case Call:
                return "function call";
            case BoolOp or BinOp or UnaryOp:
                return "expression";
            case GeneratorExp:
                return "generator expression";
            case Yield or YieldFrom:
                return "yield expression";
            case Await:
                return "await expression";
            case ListComp:
                return "list comprehension";
            case SetComp:
                return "set comprehension";
            case DictComp:
                return "dict comprehension";
            case Dict:
                return "dict literal";
            case Set:
                return "set display";
            case JoinedStr or FormattedValue:
                return "f-string expression";
            case TemplateStr or Interpolation:
                return "t-string expression";
            case Constant c:
                return c.Value switch
                {
                    null => "None",
                    true => "True",
                    false => "False",
                    EllipsisValue => "ellipsis",
                    _ => "literal",
                };
            case Compare:
                return "comparison";
            case IfExp:
                return "conditional expression";
            case NamedExpr:
                return "named expression";
            default:
                return "expression";
        }
    }
}
