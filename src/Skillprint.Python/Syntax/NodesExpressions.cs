namespace Skillprint.Python.Syntax;

// Expression nodes: ast.expr and its subclasses (Parser/Python.asdl, Python 3.13), plus
// TemplateStr and Interpolation of Python 3.14 (PEP 750).

/// <summary>ast.BoolOp(op, values).</summary>
public sealed class BoolOp(
    BoolOperator op,
    IReadOnlyList<ExprNode> values,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public BoolOperator Op { get; } = op;

    public IReadOnlyList<ExprNode> Values { get; } = values;

    public override NodeKind NodeKind => NodeKind.BoolOp;

    internal override void Accept(SyntaxWalker walker) => walker.VisitBoolOp(this);
}

/// <summary>ast.NamedExpr(target, value).</summary>
public sealed class NamedExpr(
    ExprNode target,
    ExprNode value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Target { get; } = target;

    public ExprNode Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.NamedExpr;

    internal override void Accept(SyntaxWalker walker) => walker.VisitNamedExpr(this);
}

/// <summary>ast.BinOp(left, op, right).</summary>
public sealed class BinOp(
    ExprNode left,
    Operator op,
    ExprNode right,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Left { get; } = left;

    public Operator Op { get; } = op;

    public ExprNode Right { get; } = right;

    public override NodeKind NodeKind => NodeKind.BinOp;

    internal override void Accept(SyntaxWalker walker) => walker.VisitBinOp(this);
}

/// <summary>ast.UnaryOp(op, operand).</summary>
public sealed class UnaryOp(
    UnaryOperator op,
    ExprNode operand,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public UnaryOperator Op { get; } = op;

    public ExprNode Operand { get; } = operand;

    public override NodeKind NodeKind => NodeKind.UnaryOp;

    internal override void Accept(SyntaxWalker walker) => walker.VisitUnaryOp(this);
}

/// <summary>ast.Lambda(args, body).</summary>
public sealed class Lambda(
    Arguments args,
    ExprNode body,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public Arguments Args { get; } = args;

    public ExprNode Body { get; } = body;

    public override NodeKind NodeKind => NodeKind.Lambda;

    internal override void Accept(SyntaxWalker walker) => walker.VisitLambda(this);
}

/// <summary>ast.IfExp(test, body, orelse).</summary>
public sealed class IfExp(
    ExprNode test,
    ExprNode body,
    ExprNode orelse,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Test { get; } = test;

    public ExprNode Body { get; } = body;

    public ExprNode Orelse { get; } = orelse;

    public override NodeKind NodeKind => NodeKind.IfExp;

    internal override void Accept(SyntaxWalker walker) => walker.VisitIfExp(this);
}

/// <summary>ast.Dict(keys, values).</summary>
public sealed class Dict(
    IReadOnlyList<ExprNode?> keys,
    IReadOnlyList<ExprNode> values,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public IReadOnlyList<ExprNode?> Keys { get; } = keys;

    public IReadOnlyList<ExprNode> Values { get; } = values;

    public override NodeKind NodeKind => NodeKind.Dict;

    internal override void Accept(SyntaxWalker walker) => walker.VisitDict(this);
}

/// <summary>ast.Set(elts).</summary>
public sealed class Set(
    IReadOnlyList<ExprNode> elts,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public IReadOnlyList<ExprNode> Elts { get; } = elts;

    public override NodeKind NodeKind => NodeKind.Set;

    internal override void Accept(SyntaxWalker walker) => walker.VisitSet(this);
}

/// <summary>ast.ListComp(elt, generators).</summary>
public sealed class ListComp(
    ExprNode elt,
    IReadOnlyList<Comprehension> generators,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Elt { get; } = elt;

    public IReadOnlyList<Comprehension> Generators { get; } = generators;

    public override NodeKind NodeKind => NodeKind.ListComp;

    internal override void Accept(SyntaxWalker walker) => walker.VisitListComp(this);
}

/// <summary>ast.SetComp(elt, generators).</summary>
public sealed class SetComp(
    ExprNode elt,
    IReadOnlyList<Comprehension> generators,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Elt { get; } = elt;

    public IReadOnlyList<Comprehension> Generators { get; } = generators;

    public override NodeKind NodeKind => NodeKind.SetComp;

    internal override void Accept(SyntaxWalker walker) => walker.VisitSetComp(this);
}

/// <summary>ast.DictComp(key, value, generators).</summary>
public sealed class DictComp(
    ExprNode key,
    ExprNode value,
    IReadOnlyList<Comprehension> generators,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Key { get; } = key;

    public ExprNode Value { get; } = value;

    public IReadOnlyList<Comprehension> Generators { get; } = generators;

    public override NodeKind NodeKind => NodeKind.DictComp;

    internal override void Accept(SyntaxWalker walker) => walker.VisitDictComp(this);
}

/// <summary>ast.GeneratorExp(elt, generators).</summary>
public sealed class GeneratorExp(
    ExprNode elt,
    IReadOnlyList<Comprehension> generators,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Elt { get; } = elt;

    public IReadOnlyList<Comprehension> Generators { get; } = generators;

    public override NodeKind NodeKind => NodeKind.GeneratorExp;

    internal override void Accept(SyntaxWalker walker) => walker.VisitGeneratorExp(this);
}

/// <summary>ast.Await(value).</summary>
public sealed class Await(
    ExprNode value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.Await;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAwait(this);
}

/// <summary>ast.Yield(value).</summary>
public sealed class Yield(
    ExprNode? value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode? Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.Yield;

    internal override void Accept(SyntaxWalker walker) => walker.VisitYield(this);
}

/// <summary>ast.YieldFrom(value).</summary>
public sealed class YieldFrom(
    ExprNode value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.YieldFrom;

    internal override void Accept(SyntaxWalker walker) => walker.VisitYieldFrom(this);
}

/// <summary>ast.Compare(left, ops, comparators).</summary>
public sealed class Compare(
    ExprNode left,
    IReadOnlyList<CmpOperator> ops,
    IReadOnlyList<ExprNode> comparators,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Left { get; } = left;

    public IReadOnlyList<CmpOperator> Ops { get; } = ops;

    public IReadOnlyList<ExprNode> Comparators { get; } = comparators;

    public override NodeKind NodeKind => NodeKind.Compare;

    internal override void Accept(SyntaxWalker walker) => walker.VisitCompare(this);
}

/// <summary>ast.Call(func, args, keywords).</summary>
public sealed class Call(
    ExprNode func,
    IReadOnlyList<ExprNode> args,
    IReadOnlyList<Keyword> keywords,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Func { get; } = func;

    public IReadOnlyList<ExprNode> Args { get; } = args;

    public IReadOnlyList<Keyword> Keywords { get; } = keywords;

    public override NodeKind NodeKind => NodeKind.Call;

    internal override void Accept(SyntaxWalker walker) => walker.VisitCall(this);
}

/// <summary>ast.FormattedValue(value, conversion, format_spec).</summary>
public sealed class FormattedValue(
    ExprNode value,
    int conversion,
    ExprNode? formatSpec,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Value { get; } = value;

    public int Conversion { get; } = conversion;

    public ExprNode? FormatSpec { get; } = formatSpec;

    public override NodeKind NodeKind => NodeKind.FormattedValue;

    internal override void Accept(SyntaxWalker walker) => walker.VisitFormattedValue(this);
}

/// <summary>ast.JoinedStr(values).</summary>
public sealed class JoinedStr(
    IReadOnlyList<ExprNode> values,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public IReadOnlyList<ExprNode> Values { get; } = values;

    public override NodeKind NodeKind => NodeKind.JoinedStr;

    internal override void Accept(SyntaxWalker walker) => walker.VisitJoinedStr(this);
}

/// <summary>ast.TemplateStr(values).</summary>
public sealed class TemplateStr(
    IReadOnlyList<ExprNode> values,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public IReadOnlyList<ExprNode> Values { get; } = values;

    public override NodeKind NodeKind => NodeKind.TemplateStr;

    internal override void Accept(SyntaxWalker walker) => walker.VisitTemplateStr(this);
}

/// <summary>ast.Interpolation(value, str, conversion, format_spec).</summary>
public sealed class Interpolation(
    ExprNode value,
    string str,
    int conversion,
    ExprNode? formatSpec,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Value { get; } = value;

    public string Str { get; } = str;

    public int Conversion { get; } = conversion;

    public ExprNode? FormatSpec { get; } = formatSpec;

    public override NodeKind NodeKind => NodeKind.Interpolation;

    internal override void Accept(SyntaxWalker walker) => walker.VisitInterpolation(this);
}

/// <summary>ast.Constant(value, kind).</summary>
public sealed class Constant(
    object? value,
    string? kind,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public object? Value { get; } = value;

    public string? Kind { get; } = kind;

    public override NodeKind NodeKind => NodeKind.Constant;

    internal override void Accept(SyntaxWalker walker) => walker.VisitConstant(this);
}

/// <summary>ast.Attribute(value, attr, ctx).</summary>
public sealed class Attribute(
    ExprNode value,
    string attr,
    ExprContext ctx,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Value { get; } = value;

    public string Attr { get; } = attr;

    public ExprContext Ctx { get; } = ctx;

    public override NodeKind NodeKind => NodeKind.Attribute;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAttribute(this);
}

/// <summary>ast.Subscript(value, slice, ctx).</summary>
public sealed class Subscript(
    ExprNode value,
    ExprNode slice,
    ExprContext ctx,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Value { get; } = value;

    public ExprNode Slice { get; } = slice;

    public ExprContext Ctx { get; } = ctx;

    public override NodeKind NodeKind => NodeKind.Subscript;

    internal override void Accept(SyntaxWalker walker) => walker.VisitSubscript(this);
}

/// <summary>ast.Starred(value, ctx).</summary>
public sealed class Starred(
    ExprNode value,
    ExprContext ctx,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode Value { get; } = value;

    public ExprContext Ctx { get; } = ctx;

    public override NodeKind NodeKind => NodeKind.Starred;

    internal override void Accept(SyntaxWalker walker) => walker.VisitStarred(this);
}

/// <summary>ast.Name(id, ctx).</summary>
public sealed class Name(
    string id,
    ExprContext ctx,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public string Id { get; } = id;

    public ExprContext Ctx { get; } = ctx;

    public override NodeKind NodeKind => NodeKind.Name;

    internal override void Accept(SyntaxWalker walker) => walker.VisitName(this);
}

/// <summary>ast.List(elts, ctx).</summary>
public sealed class List(
    IReadOnlyList<ExprNode> elts,
    ExprContext ctx,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public IReadOnlyList<ExprNode> Elts { get; } = elts;

    public ExprContext Ctx { get; } = ctx;

    public override NodeKind NodeKind => NodeKind.List;

    internal override void Accept(SyntaxWalker walker) => walker.VisitList(this);
}

/// <summary>ast.Tuple(elts, ctx).</summary>
public sealed class Tuple(
    IReadOnlyList<ExprNode> elts,
    ExprContext ctx,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public IReadOnlyList<ExprNode> Elts { get; } = elts;

    public ExprContext Ctx { get; } = ctx;

    public override NodeKind NodeKind => NodeKind.Tuple;

    internal override void Accept(SyntaxWalker walker) => walker.VisitTuple(this);
}

/// <summary>ast.Slice(lower, upper, step).</summary>
public sealed class Slice(
    ExprNode? lower,
    ExprNode? upper,
    ExprNode? step,
    int line,
    int column,
    int endLine,
    int endColumn)
    : ExprNode(line, column, endLine, endColumn)
{
    public ExprNode? Lower { get; } = lower;

    public ExprNode? Upper { get; } = upper;

    public ExprNode? Step { get; } = step;

    public override NodeKind NodeKind => NodeKind.Slice;

    internal override void Accept(SyntaxWalker walker) => walker.VisitSlice(this);
}
