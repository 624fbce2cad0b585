using Skillprint.Python.Syntax;

namespace Skillprint.Python.Tests.Syntax;

/// <summary>Short constructors for hand-built trees; positions do not show in a dump, so all are 1:0.</summary>
internal static class TreeBuilder
{
    public static readonly ExprNode[] NoExprs = [];
    public static readonly Stmt[] NoStmts = [];

    public static Module Module(params Stmt[] body) => new(body, []);

    public static Expr Expr(ExprNode value) => new(value, 1, 0, 1, 1);

    public static Name Load(string id) => new(id, ExprContext.Load, 1, 0, 1, 1);

    public static Name Store(string id) => new(id, ExprContext.Store, 1, 0, 1, 1);

    public static Constant Const(object? value, string? kind = null) => new(value, kind, 1, 0, 1, 1);

    public static Arg Arg(string name) => new(name, null, 1, 0, 1, 1);

    public static Pass Pass() => new(1, 0, 1, 4);

    public static Arguments NoArguments() => new([], [], null, [], [], null, []);
}
