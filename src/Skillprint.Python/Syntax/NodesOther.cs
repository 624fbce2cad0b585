namespace Skillprint.Python.Syntax;

// Modules and the helper nodes of Parser/Python.asdl: arguments, arg, keyword, alias, withitem,
// match_case, comprehension, excepthandler, type_ignore.

/// <summary>ast.Module(body, type_ignores).</summary>
public sealed class Module(
    IReadOnlyList<Stmt> body,
    IReadOnlyList<TypeIgnore> typeIgnores)
    : Mod
{
    public IReadOnlyList<Stmt> Body { get; } = body;

    public IReadOnlyList<TypeIgnore> TypeIgnores { get; } = typeIgnores;

    public override NodeKind NodeKind => NodeKind.Module;

    internal override void Accept(SyntaxWalker walker) => walker.VisitModule(this);
}

/// <summary>ast.Interactive(body).</summary>
public sealed class Interactive(
    IReadOnlyList<Stmt> body)
    : Mod
{
    public IReadOnlyList<Stmt> Body { get; } = body;

    public override NodeKind NodeKind => NodeKind.Interactive;

    internal override void Accept(SyntaxWalker walker) => walker.VisitInteractive(this);
}

/// <summary>ast.Expression(body).</summary>
public sealed class Expression(
    ExprNode body)
    : Mod
{
    public ExprNode Body { get; } = body;

    public override NodeKind NodeKind => NodeKind.Expression;

    internal override void Accept(SyntaxWalker walker) => walker.VisitExpression(this);
}

/// <summary>ast.FunctionType(argtypes, returns).</summary>
public sealed class FunctionType(
    IReadOnlyList<ExprNode> argtypes,
    ExprNode returns)
    : Mod
{
    public IReadOnlyList<ExprNode> Argtypes { get; } = argtypes;

    public ExprNode Returns { get; } = returns;

    public override NodeKind NodeKind => NodeKind.FunctionType;

    internal override void Accept(SyntaxWalker walker) => walker.VisitFunctionType(this);
}

/// <summary>ast.comprehension(target, iter, ifs, is_async).</summary>
public sealed class Comprehension(
    ExprNode target,
    ExprNode iter,
    IReadOnlyList<ExprNode> ifs,
    int isAsync)
    : Node
{
    public ExprNode Target { get; } = target;

    public ExprNode Iter { get; } = iter;

    public IReadOnlyList<ExprNode> Ifs { get; } = ifs;

    public int IsAsync { get; } = isAsync;

    public override NodeKind NodeKind => NodeKind.Comprehension;

    internal override void Accept(SyntaxWalker walker) => walker.VisitComprehension(this);
}

/// <summary>ast.ExceptHandler(type, name, body).</summary>
public sealed class ExceptHandler(
    ExprNode? type,
    string? name,
    IReadOnlyList<Stmt> body,
    int line,
    int column,
    int endLine,
    int endColumn)
    : LocatedNode(line, column, endLine, endColumn)
{
    public ExprNode? Type { get; } = type;

    public string? Name { get; } = name;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public override NodeKind NodeKind => NodeKind.ExceptHandler;

    internal override void Accept(SyntaxWalker walker) => walker.VisitExceptHandler(this);
}

/// <summary>ast.arguments(posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults).</summary>
public sealed class Arguments(
    IReadOnlyList<Arg> posonlyargs,
    IReadOnlyList<Arg> args,
    Arg? vararg,
    IReadOnlyList<Arg> kwonlyargs,
    IReadOnlyList<ExprNode?> kwDefaults,
    Arg? kwarg,
    IReadOnlyList<ExprNode> defaults)
    : Node
{
    public IReadOnlyList<Arg> Posonlyargs { get; } = posonlyargs;

    public IReadOnlyList<Arg> Args { get; } = args;

    public Arg? Vararg { get; } = vararg;

    public IReadOnlyList<Arg> Kwonlyargs { get; } = kwonlyargs;

    public IReadOnlyList<ExprNode?> KwDefaults { get; } = kwDefaults;

    public Arg? Kwarg { get; } = kwarg;

    public IReadOnlyList<ExprNode> Defaults { get; } = defaults;

    public override NodeKind NodeKind => NodeKind.Arguments;

    internal override void Accept(SyntaxWalker walker) => walker.VisitArguments(this);
}

/// <summary>ast.arg(arg, annotation, type_comment).</summary>
public sealed class Arg(
    string name,
    ExprNode? annotation,
    int line,
    int column,
    int endLine,
    int endColumn,
    string? typeComment = null)
    : LocatedNode(line, column, endLine, endColumn)
{
    public string Name { get; } = name;

    public ExprNode? Annotation { get; } = annotation;

    public string? TypeComment { get; } = typeComment;

    public override NodeKind NodeKind => NodeKind.Arg;

    internal override void Accept(SyntaxWalker walker) => walker.VisitArg(this);
}

/// <summary>ast.keyword(arg, value).</summary>
public sealed class Keyword(
    string? arg,
    ExprNode value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : LocatedNode(line, column, endLine, endColumn)
{
    public string? Arg { get; } = arg;

    public ExprNode Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.Keyword;

    internal override void Accept(SyntaxWalker walker) => walker.VisitKeyword(this);
}

/// <summary>ast.alias(name, asname).</summary>
public sealed class Alias(
    string name,
    string? asname,
    int line,
    int column,
    int endLine,
    int endColumn)
    : LocatedNode(line, column, endLine, endColumn)
{
    public string Name { get; } = name;

    public string? Asname { get; } = asname;

    public override NodeKind NodeKind => NodeKind.Alias;

    internal override void Accept(SyntaxWalker walker) => walker.VisitAlias(this);
}

/// <summary>ast.withitem(context_expr, optional_vars).</summary>
public sealed class WithItem(
    ExprNode contextExpr,
    ExprNode? optionalVars)
    : Node
{
    public ExprNode ContextExpr { get; } = contextExpr;

    public ExprNode? OptionalVars { get; } = optionalVars;

    public override NodeKind NodeKind => NodeKind.WithItem;

    internal override void Accept(SyntaxWalker walker) => walker.VisitWithItem(this);
}

/// <summary>ast.match_case(pattern, guard, body).</summary>
public sealed class MatchCase(
    Pattern pattern,
    ExprNode? guard,
    IReadOnlyList<Stmt> body)
    : Node
{
    public Pattern Pattern { get; } = pattern;

    public ExprNode? Guard { get; } = guard;

    public IReadOnlyList<Stmt> Body { get; } = body;

    public override NodeKind NodeKind => NodeKind.MatchCase;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatchCase(this);
}

/// <summary>ast.TypeIgnore(lineno, tag).</summary>
public sealed class TypeIgnore(
    int lineno,
    string tag)
    : Node
{
    public int Lineno { get; } = lineno;

    public string Tag { get; } = tag;

    public override NodeKind NodeKind => NodeKind.TypeIgnore;

    internal override void Accept(SyntaxWalker walker) => walker.VisitTypeIgnore(this);
}

/// <summary>ast.TypeVar(name, bound, default_value).</summary>
public sealed class TypeVar(
    string name,
    ExprNode? bound,
    ExprNode? defaultValue,
    int line,
    int column,
    int endLine,
    int endColumn)
    : TypeParam(line, column, endLine, endColumn)
{
    public string Name { get; } = name;

    public ExprNode? Bound { get; } = bound;

    public ExprNode? DefaultValue { get; } = defaultValue;

    public override NodeKind NodeKind => NodeKind.TypeVar;

    internal override void Accept(SyntaxWalker walker) => walker.VisitTypeVar(this);
}

/// <summary>ast.ParamSpec(name, default_value).</summary>
public sealed class ParamSpec(
    string name,
    ExprNode? defaultValue,
    int line,
    int column,
    int endLine,
    int endColumn)
    : TypeParam(line, column, endLine, endColumn)
{
    public string Name { get; } = name;

    public ExprNode? DefaultValue { get; } = defaultValue;

    public override NodeKind NodeKind => NodeKind.ParamSpec;

    internal override void Accept(SyntaxWalker walker) => walker.VisitParamSpec(this);
}

/// <summary>ast.TypeVarTuple(name, default_value).</summary>
public sealed class TypeVarTuple(
    string name,
    ExprNode? defaultValue,
    int line,
    int column,
    int endLine,
    int endColumn)
    : TypeParam(line, column, endLine, endColumn)
{
    public string Name { get; } = name;

    public ExprNode? DefaultValue { get; } = defaultValue;

    public override NodeKind NodeKind => NodeKind.TypeVarTuple;

    internal override void Accept(SyntaxWalker walker) => walker.VisitTypeVarTuple(this);
}
