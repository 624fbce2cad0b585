using System.Runtime.CompilerServices;

namespace Skillprint.Python.Syntax;

/// <summary>
/// A node of the syntax tree. Every concrete class is named, and every property follows, the class
/// and field of CPython's <c>ast</c> module (Parser/Python.asdl of Python 3.13, plus 3.14's
/// <see cref="TemplateStr"/> and <see cref="Interpolation"/>); properties are the PascalCase of the
/// ast field. Nodes are immutable; lists are arrays behind <see cref="IReadOnlyList{T}"/>.
/// </summary>
public abstract class Node
{
    private protected Node()
    {
    }

    /// <summary>The concrete kind of this node, named as its class; cheap to switch on.</summary>
    public abstract NodeKind NodeKind { get; }

    internal abstract void Accept(SyntaxWalker walker);

    /// <summary>The exact text CPython 3.13's <c>ast.dump</c> prints for this node.</summary>
    public override string ToString() => AstDump.Dump(this);
}

/// <summary>
/// A node with a place in the source, as ast's <c>_attributes</c>: <see cref="Line"/> and
/// <see cref="EndLine"/> are 1-based; <see cref="Column"/> and <see cref="EndColumn"/> are 0-based
/// offsets in UTF-8 bytes within their line (CPython's lineno, col_offset, end_lineno, end_col_offset).
/// </summary>
public abstract class LocatedNode : Node
{
    private protected LocatedNode(int line, int column, int endLine, int endColumn)
    {
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    public int Line { get; }

    public int Column { get; }

    public int EndLine { get; }

    public int EndColumn { get; }
}

/// <summary>ast.mod: a whole parse result. The parser only produces <see cref="Module"/>.</summary>
public abstract class Mod : Node
{
    private protected Mod()
    {
    }
}

/// <summary>ast.stmt: a statement.</summary>
public abstract class Stmt : LocatedNode
{
    private protected Stmt(int line, int column, int endLine, int endColumn)
        : base(line, column, endLine, endColumn)
    {
    }
}

/// <summary>
/// ast.expr: an expression. (Named ExprNode because ast's concrete <see cref="Expr"/>, the
/// expression statement, takes the name Expr.)
/// </summary>
public abstract class ExprNode : LocatedNode
{
    private protected ExprNode(int line, int column, int endLine, int endColumn)
        : base(line, column, endLine, endColumn)
    {
    }

    /// <summary>
    /// The same expression with the given context, as CPython's _PyPegen_set_expr_context does it:
    /// a Name, Attribute or Subscript takes the context; a Starred passes it on to its value, and a
    /// Tuple or List to its elements. Any other expression is returned unchanged.
    /// </summary>
    public static ExprNode WithContext(ExprNode expr, ExprContext ctx)
    {
        switch (expr)
        {
            case Name n when n.Ctx != ctx:
                return new Name(n.Id, ctx, n.Line, n.Column, n.EndLine, n.EndColumn);
            case Attribute a when a.Ctx != ctx:
                return new Attribute(a.Value, a.Attr, ctx, a.Line, a.Column, a.EndLine, a.EndColumn);
            case Subscript s when s.Ctx != ctx:
                return new Subscript(s.Value, s.Slice, ctx, s.Line, s.Column, s.EndLine, s.EndColumn);
            case Starred s:
                return new Starred(WithContext(s.Value, ctx), ctx, s.Line, s.Column, s.EndLine, s.EndColumn);
            case Tuple t:
                return new Tuple(WithContext(t.Elts, ctx), ctx, t.Line, t.Column, t.EndLine, t.EndColumn);
            case List l:
                return new List(WithContext(l.Elts, ctx), ctx, l.Line, l.Column, l.EndLine, l.EndColumn);
            default:
                return expr;
        }
    }

    private static ExprNode[] WithContext(IReadOnlyList<ExprNode> elts, ExprContext ctx)
    {
        if (elts.Count == 0)
        {
            return [];
        }

        var result = new ExprNode[elts.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = WithContext(elts[i], ctx);
        }

        return result;
    }
}

/// <summary>ast.pattern: a pattern of a match statement's case (PEP 634).</summary>
public abstract class Pattern : LocatedNode
{
    private protected Pattern(int line, int column, int endLine, int endColumn)
        : base(line, column, endLine, endColumn)
    {
    }
}

/// <summary>ast.type_param: a type parameter of PEP 695.</summary>
public abstract class TypeParam : LocatedNode
{
    private protected TypeParam(int line, int column, int endLine, int endColumn)
        : base(line, column, endLine, endColumn)
    {
    }
}

/// <summary>ast.expr_context. ast.dump prints a member as <c>Load()</c>.</summary>
public enum ExprContext : byte
{
    Load,
    Store,
    Del,
}

/// <summary>ast.boolop.</summary>
public enum BoolOperator : byte
{
    And,
    Or,
}

/// <summary>ast.operator: the binary operators.</summary>
public enum Operator : byte
{
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

/// <summary>ast.unaryop.</summary>
public enum UnaryOperator : byte
{
    Invert,
    Not,
    UAdd,
    USub,
}

/// <summary>ast.cmpop.</summary>
public enum CmpOperator : byte
{
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

/// <summary>
/// The value of the literal <c>...</c> in a <see cref="Constant"/>. The other constant values are
/// <see cref="string"/>, <see cref="byte"/>[] (bytes), <see cref="long"/> or
/// <see cref="System.Numerics.BigInteger"/> (int), <see cref="double"/> (float),
/// <see cref="System.Numerics.Complex"/> (imaginary literals), <see cref="bool"/> and null (None);
/// a str with surrogate code points is a <see cref="SurrogateString"/>.
/// </summary>
public sealed class EllipsisValue
{
    public static readonly EllipsisValue Instance = new();

    private EllipsisValue()
    {
    }

    public override string ToString() => "Ellipsis";
}

/// <summary>
/// The value of a str constant that holds surrogate code points, which only escapes make
/// (<c>"\ud834\udd1e"</c> is two code points to Python, U+D834 and U+DD1E, where a .NET string
/// would read one character, U+1D11E). Rare; every other str constant is a plain <see cref="string"/>.
/// </summary>
public sealed class SurrogateString
{
    private readonly int[] _codePoints;

    public SurrogateString(int[] codePoints)
    {
        ArgumentNullException.ThrowIfNull(codePoints);
        _codePoints = codePoints;
    }

    /// <summary>The code points of the Python str, one per element, surrogates included.</summary>
    public IReadOnlyList<int> CodePoints => _codePoints;

    /// <summary>The nearest .NET string: each code point as UTF-16 (a surrogate stays one char).</summary>
    public override string ToString()
    {
        var text = new System.Text.StringBuilder(_codePoints.Length);
        foreach (var codePoint in _codePoints)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                text.Append((char)codePoint);
            }
            else
            {
                text.Append(char.ConvertFromUtf32(codePoint));
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Runs deep recursions (walking or dumping a tree thousands of levels deep, as <c>a+a+a+...</c>
/// makes) without overflowing the stack: when the current stack runs low, the rest of the work
/// continues on a new thread with a large stack, and the caller waits for it.
/// </summary>
internal static class StackGuard
{
    private const int NewStackSize = 256 * 1024 * 1024;

    /// <summary>True when the caller should not recurse further on this thread.</summary>
    public static bool IsLow(int depth) => (depth & 7) == 7 && !RuntimeHelpers.TryEnsureSufficientExecutionStack();

    public static void RunOnNewStack<TState>(Action<TState> action, TState state)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action(state);
                }
                catch (Exception e)
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
                }
            },
            NewStackSize);
        thread.Start();
        thread.Join();
        failure?.Throw();
    }
}
