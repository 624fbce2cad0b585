using Skillprint.Python.Syntax;
using Attribute = Skillprint.Python.Syntax.Attribute;
using Tuple = Skillprint.Python.Syntax.Tuple;

namespace Skillprint.Python.Tests.Parsing;

/// <summary>
/// The parser builds CPython's tree: the node kinds in depth-first order for small inputs (the
/// order of ast's fields), and the facts about fields that kinds alone do not show.
/// </summary>
public sealed class ParserTreeTests
{
    [Theory]
    [InlineData("x = 1", "Module Assign Name Constant")]
    [InlineData("a, *b = c", "Module Assign Tuple Name Starred Name Name")]
    [InlineData("a < b < c", "Module Expr Compare Name Name Name")]
    [InlineData("not a or b and c", "Module Expr BoolOp UnaryOp Name BoolOp Name Name")]
    [InlineData("-x ** -y", "Module Expr UnaryOp BinOp Name UnaryOp Name")]
    [InlineData("a if b else c", "Module Expr IfExp Name Name Name")]
    [InlineData("f(a, *b, c=d, **e)", "Module Expr Call Name Name Starred Name Keyword Name Keyword Name")]
    [InlineData("f(x for x in y)", "Module Expr Call Name GeneratorExp Name Comprehension Name Name")]
    [InlineData("a[1:2, ::3]", "Module Expr Subscript Name Tuple Slice Constant Constant Slice Constant")]
    [InlineData("a[*b]", "Module Expr Subscript Name Tuple Starred Name")]
    [InlineData("{**a, 'k': v}", "Module Expr Dict Constant Name Name")]
    [InlineData("{k: v async for k, v in z if k}", "Module Expr DictComp Name Name Comprehension Tuple Name Name Name Name")]
    [InlineData("[y := f(x) for x in z]", "Module Expr ListComp NamedExpr Name Call Name Name Comprehension Name Name")]
    [InlineData("lambda a, /, b=1, *c, d, **e: 0", "Module Expr Lambda Arguments Arg Arg Arg Arg Arg Constant Constant")]
    [InlineData("await x", "Module Expr Await Name")]
    [InlineData("x = yield from y", "Module Assign Name YieldFrom Name")]
    [InlineData("del a, b.c, d[0]", "Module Delete Name Attribute Name Subscript Name Constant")]
    [InlineData("global a, b", "Module Global")]
    [InlineData("assert x, 'm'", "Module Assert Name Constant")]
    [InlineData("raise E from e", "Module Raise Name Name")]
    [InlineData("import a.b as c, d", "Module Import Alias Alias")]
    [InlineData("from . import *", "Module ImportFrom Alias")]
    [InlineData("x += 1", "Module AugAssign Name Constant")]
    [InlineData("x: int = 1", "Module AnnAssign Name Name Constant")]
    [InlineData("type X[T: int, *Ts, **P] = T", "Module TypeAlias Name TypeVar Name TypeVarTuple ParamSpec Name")]
    [InlineData("f'a{b!r:>{w}}'", "Module Expr JoinedStr Constant FormattedValue Name JoinedStr Constant FormattedValue Name")]
    [InlineData("'a' 'b'", "Module Expr Constant")]
    public void SimpleStatementsHaveCPythonsShape(string source, string kinds)
    {
        TreeShape.Of(TreeShape.ParseOk(source).Module).ShouldBe(kinds);
    }

    [Theory]
    [InlineData("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n", "Module If Name Pass If Name Pass Pass")]
    [InlineData("for a, b in c:\n    break\nelse:\n    continue\n", "Module For Tuple Name Name Name Break Continue")]
    [InlineData("async def f():\n    async with a as b, c:\n        async for x in y: pass\n", "Module AsyncFunctionDef Arguments AsyncWith WithItem Name Name WithItem Name AsyncFor Name Name Pass")]
    [InlineData("with (a as b, c):\n    pass\n", "Module With WithItem Name Name WithItem Name Pass")]
    [InlineData("with (a, b) as c:\n    pass\n", "Module With WithItem Tuple Name Name Name Pass")]
    [InlineData("@d.e(1)\nclass A[T](B, metaclass=M):\n    x = 1\n", "Module ClassDef Name Keyword Name Assign Name Constant Call Attribute Name Constant TypeVar")]
    [InlineData("def f[T](a: int = 1, *b: *Ts) -> T:\n    return a\n", "Module FunctionDef Arguments Arg Name Arg Starred Name Constant Return Name Name TypeVar")]
    [InlineData("try:\n    pass\nexcept* E as e:\n    pass\n", "Module TryStar Pass ExceptHandler Name Pass")]
    [InlineData("try:\n    pass\nexcept E:\n    pass\nelse:\n    pass\nfinally:\n    pass\n", "Module Try Pass ExceptHandler Name Pass Pass Pass")]
    [InlineData("while x := f():\n    pass\n", "Module While NamedExpr Name Call Name Pass")]
    public void CompoundStatementsHaveCPythonsShape(string source, string kinds)
    {
        TreeShape.Of(TreeShape.ParseOk(source).Module).ShouldBe(kinds);
    }

    [Fact]
    public void MatchStatementHasEveryPatternKind()
    {
        var source = "match p:\n"
            + "    case [1, *rest] | (2, *_):\n        pass\n"
            + "    case {'k': v, **kw}:\n        pass\n"
            + "    case Point(1, y=2) as pt:\n        pass\n"
            + "    case -1 + 2j | None | a.b:\n        pass\n"
            + "    case _ if p:\n        pass\n";
        TreeShape.Of(TreeShape.ParseOk(source).Module).ShouldBe(
            "Module Match Name "
            + "MatchCase MatchOr MatchSequence MatchValue Constant MatchStar MatchSequence MatchValue Constant MatchStar Pass "
            + "MatchCase MatchMapping Constant MatchAs Pass "
            + "MatchCase MatchAs MatchClass Name MatchValue Constant MatchValue Constant Pass "
            + "MatchCase MatchOr MatchValue BinOp UnaryOp Constant Constant MatchSingleton MatchValue Attribute Name Pass "
            + "MatchCase MatchAs Name Pass");
    }

    [Theory]
    [InlineData("match = 1", "Module Assign Name Constant")]
    [InlineData("match(x)", "Module Expr Call Name Name")]
    [InlineData("type = 1", "Module Assign Name Constant")]
    [InlineData("type(x)", "Module Expr Call Name Name")]
    [InlineData("_ = case = 1", "Module Assign Name Name Constant")]
    public void SoftKeywordsAreNamesOutsideTheirStatements(string source, string kinds)
    {
        TreeShape.Of(TreeShape.ParseOk(source).Module).ShouldBe(kinds);
    }

    [Fact]
    public void TargetsGetStoreAndDelContexts()
    {
        var module = TreeShape.ParseOk("a, [b.c, *d[0]] = e\ndel f, g.h\nfor i in j: pass\n").Module;
        var assign = (Assign)module.Body[0];
        var tuple = (Tuple)assign.Targets[0];
        tuple.Ctx.ShouldBe(ExprContext.Store);
        ((Name)tuple.Elts[0]).Ctx.ShouldBe(ExprContext.Store);
        var list = (List)tuple.Elts[1];
        list.Ctx.ShouldBe(ExprContext.Store);
        var attribute = (Attribute)list.Elts[0];
        attribute.Ctx.ShouldBe(ExprContext.Store);
        ((Name)attribute.Value).Ctx.ShouldBe(ExprContext.Load);
        ((Starred)list.Elts[1]).Ctx.ShouldBe(ExprContext.Store);
        ((Name)assign.Value).Ctx.ShouldBe(ExprContext.Load);

        var delete = (Delete)module.Body[1];
        delete.Targets.Count.ShouldBe(2);
        ((Name)delete.Targets[0]).Ctx.ShouldBe(ExprContext.Del);
        ((Attribute)delete.Targets[1]).Ctx.ShouldBe(ExprContext.Del);

        ((Name)((For)module.Body[2]).Target).Ctx.ShouldBe(ExprContext.Store);
    }

    [Fact]
    public void AnnotatedNameIsSimpleOnlyWithoutParentheses()
    {
        var module = TreeShape.ParseOk("x: int\n(y): int\nz.a: int\n").Module;
        ((AnnAssign)module.Body[0]).Simple.ShouldBe(1);
        ((AnnAssign)module.Body[1]).Simple.ShouldBe(0);
        ((AnnAssign)module.Body[2]).Simple.ShouldBe(0);
    }

    [Fact]
    public void ParametersAreSortedIntoTheirKinds()
    {
        var function = (FunctionDef)TreeShape.ParseOk("def f(a, b=1, /, c=2, *d, e, f=3, **g): pass").Module.Body[0];
        var args = function.Args;
        args.Posonlyargs.Select(a => a.Name).ShouldBe(["a", "b"]);
        args.Args.Select(a => a.Name).ShouldBe(["c"]);
        args.Defaults.Count.ShouldBe(2);
        args.Vararg!.Name.ShouldBe("d");
        args.Kwonlyargs.Select(a => a.Name).ShouldBe(["e", "f"]);
        args.KwDefaults[0].ShouldBeNull();
        args.KwDefaults[1].ShouldBeOfType<Constant>().Value.ShouldBe(3L);
        args.Kwarg!.Name.ShouldBe("g");
    }

    [Fact]
    public void ImplicitConcatenationOfStringsAndFStringsMakesOneJoinedStr()
    {
        var joined = (JoinedStr)((Expr)TreeShape.ParseOk("'a' f'b{x}' 'c' 'd'").Module.Body[0]).Value;
        joined.Values.Count.ShouldBe(3);
        joined.Values[0].ShouldBeOfType<Constant>().Value.ShouldBe("ab");
        joined.Values[2].ShouldBeOfType<Constant>().Value.ShouldBe("cd");
    }

    [Fact]
    public void DebugFStringKeepsTheExpressionTextAndDefaultsToRepr()
    {
        var joined = (JoinedStr)((Expr)TreeShape.ParseOk("f'{ x = }'").Module.Body[0]).Value;
        joined.Values[0].ShouldBeOfType<Constant>().Value.ShouldBe(" x = ");
        joined.Values[1].ShouldBeOfType<FormattedValue>().Conversion.ShouldBe('r');
    }

    [Fact]
    public void ExceptWithoutParenthesesIsATupleOfTypesAsInPython314()
    {
        var module = TreeShape.ParseOk("try:\n    pass\nexcept A, B:\n    pass\n").Module;
        var handler = ((Try)module.Body[0]).Handlers[0];
        var types = handler.Type.ShouldBeOfType<Tuple>();
        types.Elts.Count.ShouldBe(2);
        (types.Line, types.Column, types.EndLine, types.EndColumn).ShouldBe((3, 7, 3, 11));
    }

    [Fact]
    public void TemplateStringsMakeTemplateStrWithInterpolations()
    {
        var template = (TemplateStr)((Expr)TreeShape.ParseOk("t'a{b!s:>3}'").Module.Body[0]).Value;
        TreeShape.Of(template).ShouldBe("TemplateStr Constant Interpolation Name JoinedStr Constant");
        var interpolation = (Interpolation)template.Values[1];
        interpolation.Str.ShouldBe("b");
        interpolation.Conversion.ShouldBe('s');
    }

    [Fact]
    public void RepeatedNamesShareOneString()
    {
        var module = TreeShape.ParseOk("value = 1\nvalue = value + 1\n").Module;
        var first = ((Name)((Assign)module.Body[0]).Targets[0]).Id;
        var second = ((Name)((BinOp)((Assign)module.Body[1]).Value).Left).Id;
        ReferenceEquals(first, second).ShouldBeTrue();
    }

    [Fact]
    public void NonAsciiNamesAreNfkcNormalised()
    {
        var name = (Name)((Expr)TreeShape.ParseOk("ﬁle").Module.Body[0]).Value;
        name.Id.ShouldBe("file");
    }
}
