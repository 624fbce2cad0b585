namespace Skillprint.Python.Syntax;

// Statement nodes: ast.stmt and its subclasses (Parser/Python.asdl, Python 3.13).

/// <summary>ast.FunctionDef(name, args, body, decorator_list, returns, type_comment, type_params).</summary>
public sealed class FunctionDef(
    string name,
    Arguments args,
    IReadOnlyList<Stmt> body,
    IReadOnlyList<ExprNode> decoratorList,
    ExprNode? returns,
    IReadOnlyList<TypeParam> typeParams,
    int line,
    int column,
    int endLine,
    int endColumn,
    string? typeComment = null)
    : Stmt(line, column, endLine, endColumn)
{
    public string Name { get; } = name;

    public Arguments Args { get; } = args;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<ExprNode> DecoratorList { get; } = decoratorList;

    public ExprNode? Returns { get; } = returns;

    public string? TypeComment { get; } = typeComment;

    public IReadOnlyList<TypeParam> TypeParams { get; } = typeParams;

    public override NodeKind NodeKind => NodeKind.FunctionDef;

    internal override void Accept(SyntaxWalker walker) => walker.VisitFunctionDef(this);
}

/// <summary>ast.AsyncFunctionDef(name, args, body, decorator_list, returns, type_comment, type_params).</summary>
public sealed class AsyncFunctionDef(
    string name,
    Arguments args,
    IReadOnlyList<Stmt> body,
    IReadOnlyList<ExprNode> decoratorList,
    ExprNode? returns,
    IReadOnlyList<TypeParam> typeParams,
    int line,
    int column,
    int endLine,
    int endColumn,
    string? typeComment = null)
    : Stmt(line, column, endLine, endColumn)
{
    public string Name { get; } = name;

    public Arguments Args { get; } = args;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<ExprNode> DecoratorList { get; } = decoratorList;

    public ExprNode? Returns { get; } = returns;

    public string? TypeComment { get; } = typeComment;

    public IReadOnlyList<TypeParam> TypeParams { get; } = typeParams;

    public override NodeKind NodeKind => NodeKind.AsyncFunctionDef;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAsyncFunctionDef(this);
}

/// <summary>ast.ClassDef(name, bases, keywords, body, decorator_list, type_params).</summary>
public sealed class ClassDef(
    string name,
    IReadOnlyList<ExprNode> bases,
    IReadOnlyList<Keyword> keywords,
    IReadOnlyList<Stmt> body,
    IReadOnlyList<ExprNode> decoratorList,
    IReadOnlyList<TypeParam> typeParams,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public string Name { get; } = name;

    public IReadOnlyList<ExprNode> Bases { get; } = bases;

    public IReadOnlyList<Keyword> Keywords { get; } = keywords;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<ExprNode> DecoratorList { get; } = decoratorList;

    public IReadOnlyList<TypeParam> TypeParams { get; } = typeParams;

    public override NodeKind NodeKind => NodeKind.ClassDef;

    internal override void Accept(SyntaxWalker walker) => walker.VisitClassDef(this);
}

/// <summary>ast.Return(value).</summary>
public sealed class Return(
    ExprNode? value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode? Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.Return;

    internal override void Accept(SyntaxWalker walker) => walker.VisitReturn(this);
}

/// <summary>ast.Delete(targets).</summary>
public sealed class Delete(
    IReadOnlyList<ExprNode> targets,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public IReadOnlyList<ExprNode> Targets { get; } = targets;

    public override NodeKind NodeKind => NodeKind.Delete;

    internal override void Accept(SyntaxWalker walker) => walker.VisitDelete(this);
}

/// <summary>ast.Assign(targets, value, type_comment).</summary>
public sealed class Assign(
    IReadOnlyList<ExprNode> targets,
    ExprNode value,
    int line,
    int column,
    int endLine,
    int endColumn,
    string? typeComment = null)
    : Stmt(line, column, endLine, endColumn)
{
    public IReadOnlyList<ExprNode> Targets { get; } = targets;

    public ExprNode Value { get; } = value;

    public string? TypeComment { get; } = typeComment;

    public override NodeKind NodeKind => NodeKind.Assign;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAssign(this);
}

/// <summary>ast.TypeAlias(name, type_params, value).</summary>
public sealed class TypeAlias(
    ExprNode name,
    IReadOnlyList<TypeParam> typeParams,
    ExprNode value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Name { get; } = name;

    public IReadOnlyList<TypeParam> TypeParams { get; } = typeParams;

    public ExprNode Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.TypeAlias;

    internal override void Accept(SyntaxWalker walker) => walker.VisitTypeAlias(this);
}

/// <summary>ast.AugAssign(target, op, value).</summary>
public sealed class AugAssign(
    ExprNode target,
    Operator op,
    ExprNode value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Target { get; } = target;

    public Operator Op { get; } = op;

    public ExprNode Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.AugAssign;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAugAssign(this);
}

/// <summary>ast.AnnAssign(target, annotation, value, simple).</summary>
public sealed class AnnAssign(
    ExprNode target,
    ExprNode annotation,
    ExprNode? value,
    int simple,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Target { get; } = target;

    public ExprNode Annotation { get; } = annotation;

    public ExprNode? Value { get; } = value;

    public int Simple { get; } = simple;

    public override NodeKind NodeKind => NodeKind.AnnAssign;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAnnAssign(this);
}

/// <summary>ast.For(target, iter, body, orelse, type_comment).</summary>
public sealed class For(
    ExprNode target,
    ExprNode iter,
    IReadOnlyList<Stmt> body,
    IReadOnlyList<Stmt> orelse,
    int line,
    int column,
    int endLine,
    int endColumn,
    string? typeComment = null)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Target { get; } = target;

    public ExprNode Iter { get; } = iter;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<Stmt> Orelse { get; } = orelse;

    public string? TypeComment { get; } = typeComment;

    public override NodeKind NodeKind => NodeKind.For;

    internal override void Accept(SyntaxWalker walker) => walker.VisitFor(this);
}

/// <summary>ast.AsyncFor(target, iter, body, orelse, type_comment).</summary>
public sealed class AsyncFor(
    ExprNode target,
    ExprNode iter,
    IReadOnlyList<Stmt> body,
    IReadOnlyList<Stmt> orelse,
    int line,
    int column,
    int endLine,
    int endColumn,
    string? typeComment = null)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Target { get; } = target;

    public ExprNode Iter { get; } = iter;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<Stmt> Orelse { get; } = orelse;

    public string? TypeComment { get; } = typeComment;

    public override NodeKind NodeKind => NodeKind.AsyncFor;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAsyncFor(this);
}

/// <summary>ast.While(test, body, orelse).</summary>
public sealed class While(
    ExprNode test,
    IReadOnlyList<Stmt> body,
    IReadOnlyList<Stmt> orelse,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Test { get; } = test;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<Stmt> Orelse { get; } = orelse;

    public override NodeKind NodeKind => NodeKind.While;

    internal override void Accept(SyntaxWalker walker) => walker.VisitWhile(this);
}

/// <summary>ast.If(test, body, orelse).</summary>
public sealed class If(
    ExprNode test,
    IReadOnlyList<Stmt> body,
    IReadOnlyList<Stmt> orelse,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Test { get; } = test;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<Stmt> Orelse { get; } = orelse;

    public override NodeKind NodeKind => NodeKind.If;

    internal override void Accept(SyntaxWalker walker) => walker.VisitIf(this);
}

/// <summary>ast.With(items, body, type_comment).</summary>
public sealed class With(
    IReadOnlyList<WithItem> items,
    IReadOnlyList<Stmt> body,
    int line,
    int column,
    int endLine,
    int endColumn,
    string? typeComment = null)
    : Stmt(line, column, endLine, endColumn)
{
    public IReadOnlyList<WithItem> Items { get; } = items;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public string? TypeComment { get; } = typeComment;

    public override NodeKind NodeKind => NodeKind.With;

    internal override void Accept(SyntaxWalker walker) => walker.VisitWith(this);
}

/// <summary>ast.AsyncWith(items, body, type_comment).</summary>
public sealed class AsyncWith(
    IReadOnlyList<WithItem> items,
    IReadOnlyList<Stmt> body,
    int line,
    int column,
    int endLine,
    int endColumn,
    string? typeComment = null)
    : Stmt(line, column, endLine, endColumn)
{
    public IReadOnlyList<WithItem> Items { get; } = items;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public string? TypeComment { get; } = typeComment;

    public override NodeKind NodeKind => NodeKind.AsyncWith;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAsyncWith(this);
}

/// <summary>ast.Match(subject, cases).</summary>
public sealed class Match(
    ExprNode subject,
    IReadOnlyList<MatchCase> cases,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Subject { get; } = subject;

    public IReadOnlyList<MatchCase> Cases { get; } = cases;

    public override NodeKind NodeKind => NodeKind.Match;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatch(this);
}

/// <summary>ast.Raise(exc, cause).</summary>
public sealed class Raise(
    ExprNode? exc,
    ExprNode? cause,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode? Exc { get; } = exc;

    public ExprNode? Cause { get; } = cause;

    public override NodeKind NodeKind => NodeKind.Raise;

    internal override void Accept(SyntaxWalker walker) => walker.VisitRaise(this);
}

/// <summary>ast.Try(body, handlers, orelse, finalbody).</summary>
public sealed class Try(
    IReadOnlyList<Stmt> body,
    IReadOnlyList<ExceptHandler> handlers,
    IReadOnlyList<Stmt> orelse,
    IReadOnlyList<Stmt> finalbody,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<ExceptHandler> Handlers { get; } = handlers;

    public IReadOnlyList<Stmt> Orelse { get; } = orelse;

    public IReadOnlyList<Stmt> Finalbody { get; } = finalbody;

    public override NodeKind NodeKind => NodeKind.Try;

    internal override void Accept(SyntaxWalker walker) => walker.VisitTry(this);
}

/// <summary>ast.TryStar(body, handlers, orelse, finalbody).</summary>
public sealed class TryStar(
    IReadOnlyList<Stmt> body,
    IReadOnlyList<ExceptHandler> handlers,
    IReadOnlyList<Stmt> orelse,
    IReadOnlyList<Stmt> finalbody,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<ExceptHandler> Handlers { get; } = handlers;

    public IReadOnlyList<Stmt> Orelse { get; } = orelse;

    public IReadOnlyList<Stmt> Finalbody { get; } = finalbody;

    public override NodeKind NodeKind => NodeKind.TryStar;

    internal override void Accept(SyntaxWalker walker) => walker.VisitTryStar(this);
}

/// <summary>ast.Assert(test, msg).</summary>
public sealed class Assert(
    ExprNode test,
    ExprNode? msg,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Test { get; } = test;

    public ExprNode? Msg { get; } = msg;

    public override NodeKind NodeKind => NodeKind.Assert;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAssert(this);
}

/// <summary>ast.Import(names).</summary>
public sealed class Import(
    IReadOnlyList<Alias> names,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public IReadOnlyList<Alias> Names { get; } = names;

    public override NodeKind NodeKind => NodeKind.Import;

    internal override void Accept(SyntaxWalker walker) => walker.VisitImport(this);
}

/// <summary>ast.ImportFrom(module, names, level).</summary>
public sealed class ImportFrom(
    string? module,
    IReadOnlyList<Alias> names,
    int level,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public string? Module { get; } = module;

    public IReadOnlyList<Alias> Names { get; } = names;

    public int Level { get; } = level;

    public override NodeKind NodeKind => NodeKind.ImportFrom;

    internal override void Accept(SyntaxWalker walker) => walker.VisitImportFrom(this);
}

/// <summary>ast.Global(names).</summary>
public sealed class Global(
    IReadOnlyList<string> names,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public IReadOnlyList<string> Names { get; } = names;

    public override NodeKind NodeKind => NodeKind.Global;

    internal override void Accept(SyntaxWalker walker) => walker.VisitGlobal(this);
}

/// <summary>ast.Nonlocal(names).</summary>
public sealed class Nonlocal(
    IReadOnlyList<string> names,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public IReadOnlyList<string> Names { get; } = names;

    public override NodeKind NodeKind => NodeKind.Nonlocal;

    internal override void Accept(SyntaxWalker walker) => walker.VisitNonlocal(this);
}

/// <summary>ast.Expr(value).</summary>
public sealed class Expr(
    ExprNode value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public ExprNode Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.Expr;

    internal override void Accept(SyntaxWalker walker) => walker.VisitExpr(this);
}

/// <summary>ast.Pass().</summary>
public sealed class Pass(
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public override NodeKind NodeKind => NodeKind.Pass;

    internal override void Accept(SyntaxWalker walker) => walker.VisitPass(this);
}

/// <summary>ast.Break().</summary>
public sealed class Break(
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public override NodeKind NodeKind => NodeKind.Break;

    internal override void Accept(SyntaxWalker walker) => walker.VisitBreak(this);
}

/// <summary>ast.Continue().</summary>
public sealed class Continue(
    int line,
    int column,
    int endLine,
    int endColumn)
    : Stmt(line, column, endLine, endColumn)
{
    public override NodeKind NodeKind => NodeKind.Continue;

    internal override void Accept(SyntaxWalker walker) => walker.VisitContinue(this);
}
