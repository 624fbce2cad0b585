using Skillprint.Python.Lexing;
using Skillprint.Python.Syntax;
using Attribute = Skillprint.Python.Syntax.Attribute;
using Tuple = Skillprint.Python.Syntax.Tuple;

namespace Skillprint.Python.Parsing;

// Statements: Grammar/python.gram, "STATEMENTS", "SIMPLE STATEMENTS" and "COMPOUND STATEMENTS".
internal sealed partial class Parser
{
    // file: [statements] ENDMARKER
    private Module ParseFile()
    {
        var start = _sp;
        while (Kind != TokenKind.EndOfFile)
        {
            if (Kind is TokenKind.Dedent or TokenKind.Newline)
            {
                // A stray DEDENT comes after an error the lexer reported already.
                Eat();
                continue;
            }

            ParseStatementRecovering();
        }

        return new Module(PopArray<Stmt>(start), []);
    }

    /// <summary>
    /// Parses one statement (pushing its statements on the stack). On a syntax error, drops what
    /// the statement pushed and skips to the next statement boundary.
    /// </summary>
    private void ParseStatementRecovering()
    {
        var sp = _sp;
        var depth = _depth;
        var blockDepth = _blockDepth;
        var pos = _pos;
        try
        {
            ParseStatement();
        }
        catch (ParseFailure)
        {
            Truncate(sp);
            _depth = depth;
            _blockDepth = blockDepth;
            SkipToStatementEnd(pos);
        }
    }

    private void SkipToStatementEnd(int statementStart)
    {
        // Skip the rest of the logical line, never eating a DEDENT (it closes an enclosing block).
        while (Kind is not (TokenKind.Newline or TokenKind.EndOfFile or TokenKind.Dedent))
        {
            Eat();
        }

        if (Kind == TokenKind.Newline)
        {
            Eat();
            if (Kind == TokenKind.Indent)
            {
                // The body of a broken compound statement: parse it for its own errors, then drop it.
                var sp = _sp;
                ParseIndentedStatements();
                Truncate(sp);
            }
        }
        else if (_pos == statementStart && Kind != TokenKind.EndOfFile)
        {
            Eat(); // make progress on a DEDENT we failed at
        }
    }

    /// <summary>INDENT statements DEDENT, the statements left on the stack.</summary>
    private void ParseIndentedStatements()
    {
        Eat(); // INDENT
        if (++_blockDepth > MaxBlockDepth)
        {
            _blockDepth--;
            throw ErrorAtCurrent("too many levels of indentation");
        }

        while (Kind is not (TokenKind.Dedent or TokenKind.EndOfFile))
        {
            ParseStatementRecovering();
        }

        TryEat(TokenKind.Dedent);
        _blockDepth--;
    }

    // statement: compound_stmt | simple_stmts
    private void ParseStatement()
    {
        ref readonly var t = ref Current;
        switch (t.Kind)
        {
            case TokenKind.Def:
                Push(ParseFunctionDef([], null));
                return;
            case TokenKind.Class:
                Push(ParseClassDef([]));
                return;
            case TokenKind.At:
                Push(ParseDecorated());
                return;
            case TokenKind.If:
                Push(ParseIf());
                return;
            case TokenKind.While:
                Push(ParseWhile());
                return;
            case TokenKind.For:
                Push(ParseFor(null));
                return;
            case TokenKind.With:
                Push(ParseWith(null));
                return;
            case TokenKind.Try:
                Push(ParseTry());
                return;
            case TokenKind.Async:
                Push(ParseAsync());
                return;
            case TokenKind.Indent:
                {
                    // CPython puts it one column before the first token of the line.
                    ref readonly var first = ref Peek();
                    Error(first.Line, Math.Max(0, first.Column - 1), "unexpected indent");
                    // Keep the statements of the unexpected block, as if they were not indented.
                    ParseIndentedStatements();
                    return;
                }

            case TokenKind.Name:
                if (IsSoftKeyword(t, "match") && LooksLikeMatchStatement())
                {
                    Push(ParseMatch());
                    return;
                }

                break;
        }

        ParseSimpleStatements();
    }

    // simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
    private void ParseSimpleStatements()
    {
        while (true)
        {
            Push(ParseSimpleStatement());
            if (Kind == TokenKind.Semicolon)
            {
                Eat();
                if (Kind is TokenKind.Newline or TokenKind.EndOfFile)
                {
                    TryEat(TokenKind.Newline);
                    return;
                }

                continue;
            }

            if (Kind == TokenKind.Newline)
            {
                Eat();
                return;
            }

            if (Kind == TokenKind.EndOfFile)
            {
                return;
            }

            throw UnexpectedAfterStatement((Stmt)_stack[_sp - 1]);
        }
    }

    private ParseFailure UnexpectedAfterStatement(Stmt statement)
    {
        // invalid_legacy_expression: print "x" and exec "code" in Python 2 style.
        if (statement is Expr { Value: Name name } && (name.Id == "print" || name.Id == "exec")
            && (StartsExpression(Kind) || Kind == TokenKind.Star))
        {
            return ErrorAt(name, $"Missing parentheses in call to '{name.Id}'. Did you mean {name.Id}(...)?");
        }

        if (Kind == TokenKind.ColonEqual && statement is Expr { Value: not Name } expr)
        {
            return ErrorAt(expr.Value, "cannot use assignment expressions with " + ExpressionName(expr.Value));
        }

        return ErrorAtCurrent("invalid syntax");
    }

    private Stmt ParseSimpleStatement()
    {
        ref readonly var t = ref Current;
        int line = t.Line, column = t.Column;
        switch (t.Kind)
        {
            case TokenKind.Pass:
                Eat();
                return new Pass(line, column, t.EndLine, t.EndColumn);
            case TokenKind.Break:
                Eat();
                return new Break(line, column, t.EndLine, t.EndColumn);
            case TokenKind.Continue:
                Eat();
                return new Continue(line, column, t.EndLine, t.EndColumn);
            case TokenKind.Return:
                {
                    Eat();
                    ExprNode? value = null;
                    if (StartsExpression(Kind) || Kind == TokenKind.Star)
                    {
                        value = ParseStarExpressions();
                    }

                    return new Return(value, line, column, _lastEndLine, _lastEndColumn);
                }

            case TokenKind.Import:
                return ParseImport();
            case TokenKind.From:
                return ParseImportFrom();
            case TokenKind.Raise:
                {
                    Eat();
                    ExprNode? exc = null;
                    ExprNode? cause = null;
                    if (StartsExpression(Kind))
                    {
                        exc = ParseExpression();
                        if (TryEat(TokenKind.From))
                        {
                            cause = ParseExpression();
                        }
                    }

                    return new Raise(exc, cause, line, column, _lastEndLine, _lastEndColumn);
                }

            case TokenKind.Global:
            case TokenKind.Nonlocal:
                {
                    Eat();
                    var names = new List<string>(2) { ExpectName() };
                    while (TryEat(TokenKind.Comma))
                    {
                        names.Add(ExpectName());
                    }

                    return t.Kind == TokenKind.Global
                        ? new Global(names.ToArray(), line, column, _lastEndLine, _lastEndColumn)
                        : new Nonlocal(names.ToArray(), line, column, _lastEndLine, _lastEndColumn);
                }

            case TokenKind.Del:
                {
                    Eat();
                    var start = _sp;
                    do
                    {
                        if (Kind is TokenKind.Newline or TokenKind.Semicolon && _sp > start)
                        {
                            break;
                        }

                        Push(ToTarget(ParseTargetElement(), TargetKind.Del));
                    }
                    while (TryEat(TokenKind.Comma));

                    if (Kind is not (TokenKind.Newline or TokenKind.Semicolon or TokenKind.EndOfFile))
                    {
                        throw ErrorAtCurrent("invalid syntax");
                    }

                    return new Delete(PopArray<ExprNode>(start), line, column, _lastEndLine, _lastEndColumn);
                }

            case TokenKind.Assert:
                {
                    Eat();
                    var test = ParseExpression();
                    ExprNode? msg = null;
                    if (TryEat(TokenKind.Comma))
                    {
                        msg = ParseExpression();
                    }

                    return new Assert(test, msg, line, column, _lastEndLine, _lastEndColumn);
                }

            case TokenKind.Name:
                if (IsSoftKeyword(t, "type") && PeekKind() == TokenKind.Name
                    && PeekKind(2) is TokenKind.Equal or TokenKind.LeftBracket)
                {
                    return ParseTypeAlias();
                }

                break;
        }

        return ParseExpressionStatement();
    }

    // assignment | star_expressions | yield statement
    private Stmt ParseExpressionStatement()
    {
        ref readonly var first = ref Current;
        int line = first.Line, column = first.Column;
        var e = Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
        switch (Kind)
        {
            case TokenKind.Equal:
                return ParseAssignment(e, line, column);
            case TokenKind.Colon:
                return ParseAnnotatedAssignment(e, line, column);
            case TokenKind.PlusEqual:
            case TokenKind.MinusEqual:
            case TokenKind.StarEqual:
            case TokenKind.SlashEqual:
            case TokenKind.PercentEqual:
            case TokenKind.AmpersandEqual:
            case TokenKind.VerticalBarEqual:
            case TokenKind.CaretEqual:
            case TokenKind.LeftShiftEqual:
            case TokenKind.RightShiftEqual:
            case TokenKind.DoubleStarEqual:
            case TokenKind.DoubleSlashEqual:
            case TokenKind.AtEqual:
                {
                    if (e is not (Name or Attribute or Subscript))
                    {
                        throw ErrorAt(e, $"'{ExpressionName(e)}' is an illegal expression for augmented assignment");
                    }

                    var op = AugmentedOperator(Eat().Kind);
                    var value = Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
                    return new AugAssign(ExprNode.WithContext(e, ExprContext.Store), op, value, line, column, _lastEndLine, _lastEndColumn);
                }

            default:
                return new Expr(e, line, column, _lastEndLine, _lastEndColumn);
        }
    }

    private static Operator AugmentedOperator(TokenKind kind) => kind switch
    {
        TokenKind.PlusEqual => Operator.Add,
        TokenKind.MinusEqual => Operator.Sub,
        TokenKind.StarEqual => Operator.Mult,
        TokenKind.SlashEqual => Operator.Div,
        TokenKind.PercentEqual => Operator.Mod,
        TokenKind.AmpersandEqual => Operator.BitAnd,
        TokenKind.VerticalBarEqual => Operator.BitOr,
        TokenKind.CaretEqual => Operator.BitXor,
        TokenKind.LeftShiftEqual => Operator.LShift,
        TokenKind.RightShiftEqual => Operator.RShift,
        TokenKind.DoubleStarEqual => Operator.Pow,
        TokenKind.DoubleSlashEqual => Operator.FloorDiv,
        _ => Operator.MatMult,
    };

    // (star_targets '=')+ (yield_expr | star_expressions) !'='
    private Assign ParseAssignment(ExprNode first, int line, int column)
    {
        var start = _sp;
        Push(first);
        ExprNode value;
        while (true)
        {
            var target = (ExprNode)_stack[_sp - 1];
            if (!StartsExpression(PeekKind()) && PeekKind() is not (TokenKind.Star or TokenKind.Yield)
                && InvalidTarget(target, TargetKind.Store) is { } bad)
            {
                // invalid_assignment names the bad target even when no value follows.
                throw target is Yield or YieldFrom
                    ? ErrorAt(target, "assignment to yield expression not possible")
                    : ErrorAt(bad, "cannot assign to " + ExpressionName(bad));
            }

            Eat(); // '='
            value = Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
            if (Kind != TokenKind.Equal)
            {
                break;
            }

            Push(value);
        }

        var count = _sp - start;
        for (var i = start; i < _sp; i++)
        {
            var target = (ExprNode)_stack[i];
            if (target is Yield or YieldFrom)
            {
                throw ErrorAt(target, "assignment to yield expression not possible");
            }

            var invalid = InvalidTarget(target, TargetKind.Store);
            if (invalid is not null)
            {
                var here = count == 1 && ReferenceEquals(invalid, target) && IsBitwiseOrLevel(target)
                    && target is not (Tuple or List or GeneratorExp)
                    && !(target is Constant { Value: true or false or null });
                throw ErrorAt(invalid, here
                    ? $"cannot assign to {ExpressionName(invalid)} here. Maybe you meant '==' instead of '='?"
                    : $"cannot assign to {ExpressionName(invalid)}");
            }

            _stack[i] = ExprNode.WithContext(target, ExprContext.Store);
        }

        var targets = PopArray<ExprNode>(start);
        return new Assign(targets, value, line, column, _lastEndLine, _lastEndColumn);
    }

    private static bool IsBitwiseOrLevel(ExprNode e) =>
        e is not (Compare or BoolOp or IfExp or Lambda or NamedExpr or UnaryOp { Op: UnaryOperator.Not } or Starred);

    // annotated assignment: target ':' expression ['=' annotated_rhs]
    private AnnAssign ParseAnnotatedAssignment(ExprNode target, int line, int column)
    {
        // The grammar's invalid_assignment alternatives need an expression after the ':'.
        if (target is not (Name or Attribute or Subscript) && !StartsExpression(PeekKind()))
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        switch (target)
        {
            case Name:
            case Attribute:
            case Subscript:
                break;
            case Tuple:
                throw ErrorAt(target, "only single target (not tuple) can be annotated");
            case List:
                throw ErrorAt(target, "only single target (not list) can be annotated");
            default:
                throw ErrorAt(target, "illegal target for annotation");
        }

        Eat(); // ':'
        var annotation = ParseExpression();
        ExprNode? value = null;
        if (TryEat(TokenKind.Equal))
        {
            value = Kind == TokenKind.Yield ? ParseYieldExpression() : ParseStarExpressions();
        }

        var simple = target is Name && target.Line == line && target.Column == column ? 1 : 0;
        return new AnnAssign(ExprNode.WithContext(target, ExprContext.Store), annotation, value, simple, line, column, _lastEndLine, _lastEndColumn);
    }

    // type_alias: "type" NAME [type_params] '=' expression
    private TypeAlias ParseTypeAlias()
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        ref readonly var nameToken = ref Eat();
        var name = new Name(NameOf(nameToken), ExprContext.Store, nameToken.Line, nameToken.Column, nameToken.EndLine, nameToken.EndColumn);
        var typeParams = Kind == TokenKind.LeftBracket ? ParseTypeParams() : [];
        Expect(TokenKind.Equal);
        var value = ParseExpression();
        return new TypeAlias(name, typeParams, value, line, column, _lastEndLine, _lastEndColumn);
    }

    // import_name: 'import' dotted_as_names
    private Import ParseImport()
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        var start = _sp;
        do
        {
            ref readonly var first = ref Current;
            int al = first.Line, ac = first.Column;
            var name = ParseDottedName();
            string? asname = null;
            if (TryEat(TokenKind.As))
            {
                asname = ExpectName();
            }

            Push(new Alias(name, asname, al, ac, _lastEndLine, _lastEndColumn));
        }
        while (TryEat(TokenKind.Comma));

        return new Import(PopArray<Alias>(start), line, column, _lastEndLine, _lastEndColumn);
    }

    private string ParseDottedName()
    {
        var name = ExpectName();
        if (Kind != TokenKind.Dot)
        {
            return name;
        }

        var builder = new System.Text.StringBuilder(name);
        while (TryEat(TokenKind.Dot))
        {
            builder.Append('.').Append(ExpectName());
        }

        return builder.ToString();
    }

    // import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    //            | 'from' ('.' | '...')+ 'import' import_from_targets
    private ImportFrom ParseImportFrom()
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        var level = 0;
        while (Kind is TokenKind.Dot or TokenKind.Ellipsis)
        {
            level += Eat().Kind == TokenKind.Dot ? 1 : 3;
        }

        string? module = null;
        if (Kind == TokenKind.Name || level == 0)
        {
            module = ParseDottedName();
        }

        if (Kind != TokenKind.Import)
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        Eat();
        var start = _sp;
        if (Kind == TokenKind.Star)
        {
            ref readonly var star = ref Eat();
            Push(new Alias("*", null, star.Line, star.Column, star.EndLine, star.EndColumn));
        }
        else
        {
            var parenthesized = TryEat(TokenKind.LeftParen);
            do
            {
                if (parenthesized && Kind == TokenKind.RightParen && _sp > start)
                {
                    break;
                }

                if (!parenthesized && _sp > start && Kind is TokenKind.Newline or TokenKind.Semicolon or TokenKind.EndOfFile)
                {
                    throw ErrorAtCurrent("trailing comma not allowed without surrounding parentheses");
                }

                ref readonly var first = ref Current;
                int al = first.Line, ac = first.Column;
                var name = ExpectName();
                string? asname = null;
                if (TryEat(TokenKind.As))
                {
                    asname = ExpectName();
                }

                Push(new Alias(name, asname, al, ac, _lastEndLine, _lastEndColumn));
            }
            while (TryEat(TokenKind.Comma));

            if (parenthesized)
            {
                ExpectClosing(TokenKind.RightParen);
            }
        }

        return new ImportFrom(module, PopArray<Alias>(start), level, line, column, _lastEndLine, _lastEndColumn);
    }

    // ---- Compound statements ----

    /// <summary>
    /// block: NEWLINE INDENT statements DEDENT | simple_stmts. <paramref name="what"/> names the
    /// statement for "expected an indented block after ...".
    /// </summary>
    private Stmt[] ParseBlock(string what, int headerLine)
    {
        var start = _sp;
        if (Kind == TokenKind.Newline)
        {
            Eat();
            if (Kind != TokenKind.Indent)
            {
                throw ErrorAtCurrent($"expected an indented block after {what} on line {headerLine}");
            }

            ParseIndentedStatements();
        }
        else
        {
            ParseSimpleStatements();
        }

        return PopArray<Stmt>(start);
    }

    /// <summary>
    /// The ':' of a block header. The grammar forces it (&amp;&amp;':') after 'def', 'try', 'else' and
    /// 'finally', so any other token gives "expected ':'"; elsewhere only a line end does, and
    /// anything else is "invalid syntax".
    /// </summary>
    private void ExpectColon(bool forced = false)
    {
        if (Kind != TokenKind.Colon)
        {
            throw ErrorAtCurrent(forced || Kind == TokenKind.Newline ? "expected ':'" : "invalid syntax");
        }

        Eat();
    }

    // decorators: ('@' named_expression NEWLINE)+, then a function or class definition.
    private Stmt ParseDecorated()
    {
        var start = _sp;
        while (Kind == TokenKind.At)
        {
            Eat();
            Push(ParseNamedExpression());
            if (Kind != TokenKind.Newline)
            {
                throw ErrorAtCurrent("invalid syntax");
            }

            Eat();
        }

        var decorators = PopArray<ExprNode>(start);
        switch (Kind)
        {
            case TokenKind.Def:
                return ParseFunctionDef(decorators, null);
            case TokenKind.Class:
                return ParseClassDef(decorators);
            case TokenKind.Async when PeekKind() == TokenKind.Def:
                {
                    var asyncToken = Eat();
                    return ParseFunctionDef(decorators, asyncToken);
                }

            default:
                throw ErrorAtCurrent("invalid syntax");
        }
    }

    private Stmt ParseAsync()
    {
        var asyncToken = Eat();
        switch (Kind)
        {
            case TokenKind.Def:
                return ParseFunctionDef([], asyncToken);
            case TokenKind.For:
                return ParseFor(asyncToken);
            case TokenKind.With:
                return ParseWith(asyncToken);
            default:
                throw ErrorAtCurrent("invalid syntax");
        }
    }

    // function_def_raw: ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' block
    private Stmt ParseFunctionDef(ExprNode[] decorators, Token? asyncToken)
    {
        ref readonly var def = ref Eat();
        var line = asyncToken?.Line ?? def.Line;
        var column = asyncToken?.Column ?? def.Column;
        var name = ExpectName();
        var typeParams = Kind == TokenKind.LeftBracket ? ParseTypeParams() : [];
        if (Kind != TokenKind.LeftParen)
        {
            throw ErrorAtCurrent("expected '('");
        }

        Eat();
        var args = ParseParameters(TokenKind.RightParen, lambda: false);
        ExpectClosing(TokenKind.RightParen);
        ExprNode? returns = null;
        if (TryEat(TokenKind.RightArrow))
        {
            returns = ParseExpression();
        }

        ExpectColon(forced: true);
        var body = ParseBlock("function definition", line);
        return asyncToken is null
            ? new FunctionDef(name, args, body, decorators, returns, typeParams, line, column, _lastEndLine, _lastEndColumn)
            : new AsyncFunctionDef(name, args, body, decorators, returns, typeParams, line, column, _lastEndLine, _lastEndColumn);
    }

    // class_def_raw: 'class' NAME [type_params] ['(' [arguments] ')'] ':' block
    private ClassDef ParseClassDef(ExprNode[] decorators)
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        var name = ExpectName();
        var typeParams = Kind == TokenKind.LeftBracket ? ParseTypeParams() : [];
        ExprNode[] bases = [];
        Keyword[] keywords = [];
        if (TryEat(TokenKind.LeftParen))
        {
            EnterExpression();
            keywords = ParseArguments(out bases, allowGenerator: false, TokenKind.RightParen);
            _depth--;
            ExpectClosing(TokenKind.RightParen);
        }

        ExpectColon();
        var body = ParseBlock("class definition", line);
        return new ClassDef(name, bases, keywords, body, decorators, typeParams, line, column, _lastEndLine, _lastEndColumn);
    }

    // parameters / lambda_params: the whole of 'def f(...)' or 'lambda ...:' up to the closing token.
    private Arguments ParseParameters(TokenKind close, bool lambda)
    {
        List<Arg>? posonly = null;
        var args = new List<Arg>(4);
        var defaults = new List<ExprNode>(2);
        Arg? vararg = null;
        List<Arg>? kwonly = null;
        List<ExprNode?>? kwDefaults = null;
        Arg? kwarg = null;
        var star = false;
        Token bareStar = default;
        var bareStarSeen = false;
        while (Kind != close)
        {
            ref readonly var t = ref Current;
            if (kwarg is not null)
            {
                throw ErrorAt(t, "arguments cannot follow var-keyword argument");
            }

            if (t.Kind == TokenKind.Slash)
            {
                if (star)
                {
                    throw ErrorAt(t, "/ must be ahead of *");
                }

                if (posonly is not null)
                {
                    throw ErrorAt(t, "/ may appear only once");
                }

                if (args.Count == 0)
                {
                    throw ErrorAt(t, "at least one argument must precede /");
                }

                Eat();
                posonly = args;
                args = new List<Arg>(2);
            }
            else if (t.Kind == TokenKind.Star)
            {
                if (star)
                {
                    throw ErrorAt(t, "* argument may appear only once");
                }

                Eat();
                star = true;
                if (Kind is TokenKind.Comma || Kind == close)
                {
                    bareStar = t;
                    bareStarSeen = true;
                }
                else
                {
                    vararg = ParseParameter(lambda, starAnnotation: !lambda);
                    if (Kind == TokenKind.Equal)
                    {
                        throw ErrorAtCurrent("var-positional argument cannot have default value");
                    }
                }
            }
            else if (t.Kind == TokenKind.DoubleStar)
            {
                Eat();
                kwarg = ParseParameter(lambda, starAnnotation: false);
                if (Kind == TokenKind.Equal)
                {
                    throw ErrorAtCurrent("var-keyword argument cannot have default value");
                }
            }
            else
            {
                var p = ParseParameter(lambda, starAnnotation: false);
                ExprNode? value = null;
                if (TryEat(TokenKind.Equal))
                {
                    value = ParseExpression();
                }

                if (star)
                {
                    (kwonly ??= new List<Arg>(2)).Add(p);
                    (kwDefaults ??= new List<ExprNode?>(2)).Add(value);
                }
                else
                {
                    if (value is not null)
                    {
                        defaults.Add(value);
                    }
                    else if (defaults.Count > 0)
                    {
                        throw ErrorAt(p, "parameter without a default follows parameter with a default");
                    }

                    args.Add(p);
                }
            }

            if (!TryEat(TokenKind.Comma))
            {
                break;
            }
        }

        if (bareStarSeen && kwonly is null)
        {
            throw ErrorAt(bareStar, "named arguments must follow bare *");
        }

        return new Arguments(
            posonly is null ? [] : posonly.ToArray(),
            args.Count == 0 ? [] : args.ToArray(),
            vararg,
            kwonly is null ? [] : kwonly.ToArray(),
            kwDefaults is null ? [] : kwDefaults.ToArray(),
            kwarg,
            defaults.Count == 0 ? [] : defaults.ToArray());
    }

    // param: NAME annotation?  (lambda_param: NAME); param_star_annotation: NAME ':' star_expression
    private Arg ParseParameter(bool lambda, bool starAnnotation)
    {
        if (Kind == TokenKind.LeftParen && !lambda)
        {
            throw ErrorAtCurrent("Function parameters cannot be parenthesized");
        }

        if (Kind != TokenKind.Name)
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        ref readonly var t = ref Eat();
        var name = NameOf(t);
        ExprNode? annotation = null;
        if (!lambda && TryEat(TokenKind.Colon))
        {
            annotation = starAnnotation && Kind == TokenKind.Star ? ParseStarExpression() : ParseExpression();
        }

        return new Arg(name, annotation, t.Line, t.Column, _lastEndLine, _lastEndColumn);
    }

    // type_params: '[' type_param_seq ']' (PEP 695, defaults of PEP 696)
    private TypeParam[] ParseTypeParams()
    {
        Eat(); // '['
        var start = _sp;
        while (Kind != TokenKind.RightBracket)
        {
            ref readonly var t = ref Current;
            int line = t.Line, column = t.Column;
            if (t.Kind == TokenKind.Star)
            {
                Eat();
                var name = ExpectName();
                if (Kind == TokenKind.Colon)
                {
                    throw ErrorAtCurrent("cannot use constraints with TypeVarTuple");
                }

                ExprNode? value = null;
                if (TryEat(TokenKind.Equal))
                {
                    value = ParseStarExpression();
                }

                Push(new TypeVarTuple(name, value, line, column, _lastEndLine, _lastEndColumn));
            }
            else if (t.Kind == TokenKind.DoubleStar)
            {
                Eat();
                var name = ExpectName();
                if (Kind == TokenKind.Colon)
                {
                    throw ErrorAtCurrent("cannot use bound with ParamSpec");
                }

                ExprNode? value = null;
                if (TryEat(TokenKind.Equal))
                {
                    value = ParseExpression();
                }

                Push(new ParamSpec(name, value, line, column, _lastEndLine, _lastEndColumn));
            }
            else
            {
                var name = ExpectName();
                ExprNode? bound = null;
                ExprNode? value = null;
                if (TryEat(TokenKind.Colon))
                {
                    bound = ParseExpression();
                }

                if (TryEat(TokenKind.Equal))
                {
                    value = ParseExpression();
                }

                Push(new TypeVar(name, bound, value, line, column, _lastEndLine, _lastEndColumn));
            }

            if (!TryEat(TokenKind.Comma))
            {
                break;
            }
        }

        if (_sp == start)
        {
            throw ErrorAtCurrent("Type parameter list cannot be empty");
        }

        ExpectClosing(TokenKind.RightBracket);
        return PopArray<TypeParam>(start);
    }

    // if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
    private If ParseIf()
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        var what = t.Kind == TokenKind.If ? "'if' statement" : "'elif' statement";
        var test = ParseNamedExpression();
        ExpectHeaderColon(test);
        var body = ParseBlock(what, line);
        Stmt[] orelse = [];
        if (Kind == TokenKind.Elif)
        {
            orelse = [ParseIf()];
        }
        else if (Kind == TokenKind.Else)
        {
            orelse = ParseElse();
        }

        return new If(test, body, orelse, line, column, _lastEndLine, _lastEndColumn);
    }

    /// <summary>The ':' after a condition; '=' there gets CPython's "Maybe you meant '=='" message.</summary>
    private void ExpectHeaderColon(ExprNode test)
    {
        if (Kind == TokenKind.Equal)
        {
            if (test is Name)
            {
                throw ErrorAt(test, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }

            if (IsBitwiseOrLevel(test) && test is not (Tuple or List or GeneratorExp or Constant { Value: true or false or null }))
            {
                throw ErrorAt(test, $"cannot assign to {ExpressionName(test)} here. Maybe you meant '==' instead of '='?");
            }
        }

        ExpectColon();
    }

    private Stmt[] ParseElse()
    {
        ref readonly var t = ref Eat();
        var line = t.Line;
        ExpectColon(forced: true);
        return ParseBlock("'else' statement", line);
    }

    // while_stmt: 'while' named_expression ':' block [else_block]
    private While ParseWhile()
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        var test = ParseNamedExpression();
        ExpectHeaderColon(test);
        var body = ParseBlock("'while' statement", line);
        var orelse = Kind == TokenKind.Else ? ParseElse() : [];
        return new While(test, body, orelse, line, column, _lastEndLine, _lastEndColumn);
    }

    // for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
    private Stmt ParseFor(Token? asyncToken)
    {
        ref readonly var t = ref Eat();
        var line = asyncToken?.Line ?? t.Line;
        var column = asyncToken?.Column ?? t.Column;
        var target = ParseTargetList(TargetKind.For, TokenKind.In);
        if (Kind != TokenKind.In)
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        Eat();
        var iter = ParseStarExpressions();
        ExpectColon();
        var body = ParseBlock("'for' statement", line);
        var orelse = Kind == TokenKind.Else ? ParseElse() : [];
        return asyncToken is null
            ? new For(target, iter, body, orelse, line, column, _lastEndLine, _lastEndColumn)
            : new AsyncFor(target, iter, body, orelse, line, column, _lastEndLine, _lastEndColumn);
    }

    // with_stmt: ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
    //          | ['async'] 'with' ','.with_item+ ':' block
    private Stmt ParseWith(Token? asyncToken)
    {
        ref readonly var t = ref Eat();
        var line = asyncToken?.Line ?? t.Line;
        var column = asyncToken?.Column ?? t.Column;
        WithItem[]? items = null;
        if (Kind == TokenKind.LeftParen)
        {
            items = TryParseParenthesizedWithItems();
        }

        if (items is null)
        {
            var start = _sp;
            do
            {
                Push(ParseWithItem());
            }
            while (TryEat(TokenKind.Comma));

            items = PopArray<WithItem>(start);
        }

        ExpectColon();
        var body = ParseBlock("'with' statement", line);
        return asyncToken is null
            ? new With(items, body, line, column, _lastEndLine, _lastEndColumn)
            : new AsyncWith(items, body, line, column, _lastEndLine, _lastEndColumn);
    }

    /// <summary>
    /// The first alternative of with_stmt, tried first as the PEG grammar does; on failure
    /// everything is restored and null returned. Each with statement backtracks at most once.
    /// </summary>
    private WithItem[]? TryParseParenthesizedWithItems()
    {
        var pos = _pos;
        var sp = _sp;
        var depth = _depth;
        var diagnostics = _diagnostics.Count;
        int lastEndLine = _lastEndLine, lastEndColumn = _lastEndColumn;
        _speculating++;
        try
        {
            Eat(); // '('
            if (Kind != TokenKind.Yield && Kind != TokenKind.RightParen)
            {
                var start = _sp;
                while (true)
                {
                    Push(ParseWithItem());
                    if (!TryEat(TokenKind.Comma) || Kind == TokenKind.RightParen)
                    {
                        break;
                    }
                }

                if (Kind == TokenKind.RightParen && PeekKind() == TokenKind.Colon)
                {
                    Eat();
                    return PopArray<WithItem>(start);
                }
            }
        }
        catch (ParseFailure)
        {
        }
        finally
        {
            _speculating--;
        }

        _pos = pos;
        Truncate(sp);
        _depth = depth;
        _diagnostics.RemoveRange(diagnostics, _diagnostics.Count - diagnostics);
        _lastEndLine = lastEndLine;
        _lastEndColumn = lastEndColumn;
        return null;
    }

    // with_item: expression 'as' star_target &(',' | ')' | ':') | expression
    private WithItem ParseWithItem()
    {
        var e = ParseExpression();
        if (!TryEat(TokenKind.As))
        {
            return new WithItem(e, null);
        }

        var target = ToTarget(ParseTargetElement(), TargetKind.Store);
        if (Kind is not (TokenKind.Comma or TokenKind.RightParen or TokenKind.Colon))
        {
            throw ErrorAtCurrent("invalid syntax");
        }

        return new WithItem(e, target);
    }

    // try_stmt: 'try' ':' block finally_block
    //         | 'try' ':' block except_block+ [else_block] [finally_block]
    //         | 'try' ':' block except_star_block+ [else_block] [finally_block]
    private Stmt ParseTry()
    {
        ref readonly var t = ref Eat();
        int line = t.Line, column = t.Column;
        ExpectColon(forced: true);
        var body = ParseBlock("'try' statement", line);
        var start = _sp;
        var star = false;
        while (Kind == TokenKind.Except)
        {
            ref readonly var except = ref Eat();
            int hl = except.Line, hc = except.Column;
            var thisStar = TryEat(TokenKind.Star);
            if (_sp > start && thisStar != star)
            {
                throw Error(hl, hc, "cannot have both 'except' and 'except*' on the same 'try'");
            }

            star = thisStar;
            ExprNode? type = null;
            string? name = null;
            if (Kind != TokenKind.Colon)
            {
                ref readonly var typeStart = ref Current;
                int tl = typeStart.Line, tc = typeStart.Column;
                type = ParseExpression();
                if (Kind == TokenKind.Comma)
                {
                    // PEP 758 (Python 3.14): except A, B: without parentheses is a tuple of types.
                    var typesStart = _sp;
                    Push(type);
                    while (TryEat(TokenKind.Comma))
                    {
                        Push(ParseExpression());
                    }

                    var types = PopArray<ExprNode>(typesStart);
                    type = new Tuple(types, ExprContext.Load, tl, tc, _lastEndLine, _lastEndColumn);
                    if (Kind == TokenKind.As)
                    {
                        throw ErrorAt(type, "multiple exception types must be parenthesized when using 'as'");
                    }
                }

                if (TryEat(TokenKind.As))
                {
                    name = ExpectName();
                }
            }
            else if (star)
            {
                throw ErrorAtCurrent("expected one or more exception types");
            }

            ExpectColon();
            var handlerBody = ParseBlock(star ? "'except*' statement" : "'except' statement", hl);
            Push(new ExceptHandler(type, name, handlerBody, hl, hc, _lastEndLine, _lastEndColumn));
        }

        var handlers = PopArray<ExceptHandler>(start);
        Stmt[] orelse = [];
        if (Kind == TokenKind.Else && handlers.Length > 0)
        {
            orelse = ParseElse();
        }

        Stmt[] finalbody = [];
        if (Kind == TokenKind.Finally)
        {
            ref readonly var f = ref Eat();
            var fl = f.Line;
            ExpectColon(forced: true);
            finalbody = ParseBlock("'finally' statement", fl);
        }
        else if (handlers.Length == 0)
        {
            throw ErrorAtCurrent("expected 'except' or 'finally' block");
        }

        return star
            ? new TryStar(body, handlers, orelse, finalbody, line, column, _lastEndLine, _lastEndColumn)
            : new Try(body, handlers, orelse, finalbody, line, column, _lastEndLine, _lastEndColumn);
    }
}
