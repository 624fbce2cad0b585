namespace Skillprint.Python.Syntax;

// Pattern nodes of the match statement: ast.pattern and its subclasses (PEP 634).

/// <summary>ast.MatchValue(value).</summary>
public sealed class MatchValue(
    ExprNode value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Pattern(line, column, endLine, endColumn)
{
    public ExprNode Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.MatchValue;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatchValue(this);
}

/// <summary>ast.MatchSingleton(value).</summary>
public sealed class MatchSingleton(
    object? value,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Pattern(line, column, endLine, endColumn)
{
    public object? Value { get; } = value;

    public override NodeKind NodeKind => NodeKind.MatchSingleton;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatchSingleton(this);
}

/// <summary>ast.MatchSequence(patterns).</summary>
public sealed class MatchSequence(
    IReadOnlyList<Pattern> patterns,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Pattern(line, column, endLine, endColumn)
{
    public IReadOnlyList<Pattern> Patterns { get; } = patterns;

    public override NodeKind NodeKind => NodeKind.MatchSequence;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatchSequence(this);
}

/// <summary>ast.MatchMapping(keys, patterns, rest).</summary>
public sealed class MatchMapping(
    IReadOnlyList<ExprNode> keys,
    IReadOnlyList<Pattern> patterns,
    string? rest,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Pattern(line, column, endLine, endColumn)
{
    public IReadOnlyList<ExprNode> Keys { get; } = keys;

    public IReadOnlyList<Pattern> Patterns { get; } = patterns;

    public string? Rest { get; } = rest;

    public override NodeKind NodeKind => NodeKind.MatchMapping;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatchMapping(this);
}

/// <summary>ast.MatchClass(cls, patterns, kwd_attrs, kwd_patterns).</summary>
public sealed class MatchClass(
    ExprNode cls,
    IReadOnlyList<Pattern> patterns,
    IReadOnlyList<string> kwdAttrs,
    IReadOnlyList<Pattern> kwdPatterns,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Pattern(line, column, endLine, endColumn)
{
    public ExprNode Cls { get; } = cls;

    public IReadOnlyList<Pattern> Patterns { get; } = patterns;

    public IReadOnlyList<string> KwdAttrs { get; } = kwdAttrs;

    public IReadOnlyList<Pattern> KwdPatterns { get; } = kwdPatterns;

    public override NodeKind NodeKind => NodeKind.MatchClass;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatchClass(this);
}

/// <summary>ast.MatchStar(name).</summary>
public sealed class MatchStar(
    string? name,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Pattern(line, column, endLine, endColumn)
{
    public string? Name { get; } = name;

    public override NodeKind NodeKind => NodeKind.MatchStar;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatchStar(this);
}

/// <summary>ast.MatchAs(pattern, name).</summary>
public sealed class MatchAs(
    Pattern? pattern,
    string? name,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Pattern(line, column, endLine, endColumn)
{
    public Pattern? Pattern { get; } = pattern;

    public string? Name { get; } = name;

    public override NodeKind NodeKind => NodeKind.MatchAs;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatchAs(this);
}

/// <summary>ast.MatchOr(patterns).</summary>
public sealed class MatchOr(
    IReadOnlyList<Pattern> patterns,
    int line,
    int column,
    int endLine,
    int endColumn)
    : Pattern(line, column, endLine, endColumn)
{
    public IReadOnlyList<Pattern> Patterns { get; } = patterns;

    public override NodeKind NodeKind => NodeKind.MatchOr;

    internal override void Accept(SyntaxWalker walker) => walker.VisitMatchOr(this);
}
