using Skillprint.Python.Lexing;
using Skillprint.Python.Syntax;
using Attribute = Skillprint.Python.Syntax.Attribute;
using Tuple = Skillprint.Python.Syntax.Tuple;

namespace Skillprint.Python.Parsing;

// Targets: Grammar/python.gram, "TARGETS" (star_targets, del_targets, single_target). Targets are
// parsed as expressions, then checked and given their context, as the grammar's invalid_* rules
// and _PyPegen_get_invalid_target describe.
internal sealed partial class Parser
{
    private enum TargetKind
    {
        Store,
        For,
        Del,
    }

    /// <summary>
    /// star_targets up to (not including) <paramref name="stop"/>: one target, or a Tuple of them when
    /// a comma is seen. Elements are parsed at bitwise_or level so 'in' is never taken as an operator.
    /// </summary>
    private ExprNode ParseTargetList(TargetKind kind, TokenKind stop)
    {
        ref readonly var first = ref Current;
        int line = first.Line, column = first.Column;
        var e = ParseTargetElement();
        if (Kind != TokenKind.Comma)
        {
            return ToTarget(e, kind);
        }

        var start = _sp;
        Push(e);
        while (TryEat(TokenKind.Comma))
        {
            if (Kind == stop || !(StartsExpression(Kind) || Kind == TokenKind.Star))
            {
                break;
            }

            Push(ParseTargetElement());
        }

        var tuple = new Tuple(PopArray<ExprNode>(start), ExprContext.Load, line, column, _lastEndLine, _lastEndColumn);
        return ToTarget(tuple, kind);
    }

    // star_target: '*' (!'*' star_target) | target_with_star_atom
    private ExprNode ParseTargetElement()
    {
        if (Kind == TokenKind.Star)
        {
            ref readonly var star = ref Eat();
            int line = star.Line, column = star.Column;
            if (Kind == TokenKind.Star)
            {
                throw ErrorAtCurrent("invalid syntax");
            }

            var value = ParseTargetElement();
            return new Starred(value, ExprContext.Load, line, column, _lastEndLine, _lastEndColumn);
        }

        return ParseBitwiseOr();
    }

    /// <summary>Checks an expression used as a target and gives it the Store or Del context.</summary>
    private ExprNode ToTarget(ExprNode e, TargetKind kind)
    {
        var invalid = InvalidTarget(e, kind);
        if (invalid is not null)
        {
            if (invalid is Yield or YieldFrom && kind != TargetKind.Del)
            {
                throw ErrorAt(invalid, "assignment to yield expression not possible");
            }

            throw ErrorAt(invalid, (kind == TargetKind.Del ? "cannot delete " : "cannot assign to ") + ExpressionName(invalid));
        }

        return ExprNode.WithContext(e, kind == TargetKind.Del ? ExprContext.Del : ExprContext.Store);
    }

    /// <summary>CPython's _PyPegen_get_invalid_target: the innermost expression that cannot be a target.</summary>
    private static ExprNode? InvalidTarget(ExprNode e, TargetKind kind)
    {
        while (true)
        {
            switch (e)
            {
                case Name:
                case Attribute:
                case Subscript:
                    return null;
                case Tuple t:
                    return FirstInvalid(t.Elts, kind);
                case List l:
                    return FirstInvalid(l.Elts, kind);
                case Starred s:
                    if (kind == TargetKind.Del)
                    {
                        return e;
                    }

                    e = s.Value;
                    continue;
                default:
                    return e;
            }
        }
    }

    private static ExprNode? FirstInvalid(IReadOnlyList<ExprNode> elts, TargetKind kind)
    {
        for (var i = 0; i < elts.Count; i++)
        {
            var invalid = InvalidTarget(elts[i], kind);
            if (invalid is not null)
            {
                return invalid;
            }
        }

        return null;
    }
}
