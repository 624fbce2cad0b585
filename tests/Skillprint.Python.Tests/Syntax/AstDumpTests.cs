using System.Numerics;
using Skillprint.Python.Syntax;
using static Skillprint.Python.Tests.Syntax.TreeBuilder;
using Tuple = Skillprint.Python.Syntax.Tuple;

namespace Skillprint.Python.Tests.Syntax;

/// <summary>
/// Trees built by hand for small sources, compared with what CPython 3.13's
/// <c>ast.dump(ast.parse(source))</c> printed for the same source (the source is in each test).
/// </summary>
public sealed class AstDumpTests
{
    [Fact]
    public void Assignment()
    {
        // x = 1
        var tree = Module(new Assign([Store("x")], Const(1L), 1, 0, 1, 5));

        AstDump.Dump(tree).ShouldBe("Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])");
    }

    [Fact]
    public void FunctionWithEveryKindOfParameter()
    {
        // def f(a, /, b=2, *args, c, d=3, **kw) -> int:
        //     return a
        var arguments = new Arguments(
            [Arg("a")], [Arg("b")], Arg("args"), [Arg("c"), Arg("d")], [null, Const(3L)], Arg("kw"), [Const(2L)]);
        var tree = Module(new FunctionDef(
            "f", arguments, [new Return(Load("a"), 2, 4, 2, 12)], [], Load("int"), [], 1, 0, 2, 12));

        AstDump.Dump(tree).ShouldBe(
            "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], " +
            "vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=3)], " +
            "kwarg=arg(arg='kw'), defaults=[Constant(value=2)]), body=[Return(value=Name(id='a', ctx=Load()))], " +
            "returns=Name(id='int', ctx=Load()))])");
    }

    [Fact]
    public void ConstantsOfEveryType()
    {
        // print("it's", b"\x00'", 1.5e16, 2j, None, ...)
        var call = new Call(
            Load("print"),
            [Const("it's"), Const(new byte[] { 0, (byte)'\'' }), Const(1.5e16), Const(new Complex(0, 2)), Const(null), Const(EllipsisValue.Instance)],
            [],
            1, 0, 1, 45);

        AstDump.Dump(Module(Expr(call))).ShouldBe(
            "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value=\"it's\"), " +
            "Constant(value=b\"\\x00'\"), Constant(value=1.5e+16), Constant(value=2j), Constant(value=None), " +
            "Constant(value=Ellipsis)]))])");
    }

    [Fact]
    public void DictWithUnpackingShowsNoneKey()
    {
        // {**a, "k": v}
        var dict = new Dict([null, Const("k")], [Load("a"), Load("v")], 1, 0, 1, 13);

        AstDump.Dump(Module(Expr(dict))).ShouldBe(
            "Module(body=[Expr(value=Dict(keys=[None, Constant(value='k')], values=[Name(id='a', ctx=Load()), Name(id='v', ctx=Load())]))])");
    }

    [Fact]
    public void ChainedComparison()
    {
        // a < b <= c
        var compare = new Compare(Load("a"), [CmpOperator.Lt, CmpOperator.LtE], [Load("b"), Load("c")], 1, 0, 1, 10);

        AstDump.Dump(Module(Expr(compare))).ShouldBe(
            "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))])");
    }

    [Fact]
    public void RelativeImportLeavesOutTheMissingModule()
    {
        // from . import x as y
        var tree = Module(new ImportFrom(null, [new Alias("x", "y", 1, 14, 1, 20)], 1, 1, 0, 1, 20));

        AstDump.Dump(tree).ShouldBe("Module(body=[ImportFrom(names=[alias(name='x', asname='y')], level=1)])");
    }

    [Fact]
    public void MatchWithPatterns()
    {
        // match p:
        //     case None: pass
        //     case {"k": 1, **rest}: pass
        //     case Point(1, y=[*_]) | (a as b): pass
        var classPattern = new MatchClass(
            Load("Point"),
            [new MatchValue(Const(1L), 3, 15, 3, 16)],
            ["y"],
            [new MatchSequence([new MatchStar(null, 3, 21, 3, 23)], 3, 20, 3, 24)],
            3, 9, 3, 25);
        var asPattern = new MatchAs(new MatchAs(null, "a", 3, 29, 3, 30), "b", 3, 29, 3, 35);
        var tree = Module(new Match(
            Load("p"),
            [
                new MatchCase(new MatchSingleton(null, 2, 9, 2, 13), null, [Pass()]),
                new MatchCase(new MatchMapping([Const("k")], [new MatchValue(Const(1L), 3, 16, 3, 17)], "rest", 3, 9, 3, 25), null, [Pass()]),
                new MatchCase(new MatchOr([classPattern, asPattern], 3, 9, 3, 36), null, [Pass()]),
            ],
            1, 0, 4, 44));

        AstDump.Dump(tree).ShouldBe(
            "Module(body=[Match(subject=Name(id='p', ctx=Load()), cases=[match_case(pattern=MatchSingleton(value=None), body=[Pass()]), " +
            "match_case(pattern=MatchMapping(keys=[Constant(value='k')], patterns=[MatchValue(value=Constant(value=1))], rest='rest'), body=[Pass()]), " +
            "match_case(pattern=MatchOr(patterns=[MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[MatchValue(value=Constant(value=1))], " +
            "kwd_attrs=['y'], kwd_patterns=[MatchSequence(patterns=[MatchStar()])]), MatchAs(pattern=MatchAs(name='a'), name='b')]), body=[Pass()])])])");
    }

    [Fact]
    public void FStringWithConversionAndNestedFormatSpec()
    {
        // f"{x!r:>{w}} {y=}"
        var spec = new JoinedStr([Const(">"), new FormattedValue(Load("w"), -1, null, 1, 8, 1, 11)], 1, 7, 1, 12);
        var joined = new JoinedStr(
            [new FormattedValue(Load("x"), 'r', spec, 1, 2, 1, 12), Const(" y="), new FormattedValue(Load("y"), 'r', null, 1, 13, 1, 17)],
            1, 0, 1, 18);

        AstDump.Dump(Module(Expr(joined))).ShouldBe(
            "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, " +
            "format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), " +
            "Constant(value=' y='), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114)]))])");
    }

    [Fact]
    public void TypeAliasWithEveryKindOfTypeParameter()
    {
        // type T[U: int, *V, **W] = list[U]
        var tree = Module(new TypeAlias(
            Store("T"),
            [new TypeVar("U", Load("int"), null, 1, 7, 1, 13), new TypeVarTuple("V", null, 1, 15, 1, 17), new ParamSpec("W", null, 1, 19, 1, 22)],
            new Subscript(Load("list"), Load("U"), ExprContext.Load, 1, 26, 1, 33),
            1, 0, 1, 33));

        AstDump.Dump(tree).ShouldBe(
            "Module(body=[TypeAlias(name=Name(id='T', ctx=Store()), type_params=[TypeVar(name='U', bound=Name(id='int', ctx=Load())), " +
            "TypeVarTuple(name='V'), ParamSpec(name='W')], value=Subscript(value=Name(id='list', ctx=Load()), slice=Name(id='U', ctx=Load()), ctx=Load()))])");
    }

    [Fact]
    public void AsyncWithAndAwaitAndEmptyArguments()
    {
        // async def f():
        //     async with a as (b, c): await x
        var target = new Tuple([Store("b"), Store("c")], ExprContext.Store, 2, 20, 2, 26);
        var with = new AsyncWith([new WithItem(Load("a"), target)], [Expr(new Await(Load("x"), 2, 28, 2, 35))], 2, 4, 2, 35);
        var tree = Module(new AsyncFunctionDef("f", NoArguments(), [with], [], null, [], 1, 0, 2, 35));

        AstDump.Dump(tree).ShouldBe(
            "Module(body=[AsyncFunctionDef(name='f', args=arguments(), body=[AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), " +
            "optional_vars=Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store()))], " +
            "body=[Expr(value=Await(value=Name(id='x', ctx=Load())))])])])");
    }

    [Fact]
    public void KindOfUnicodeStringAndBigInteger()
    {
        // u"s"; 10**100 written as the folded constant a tree may hold
        AstDump.Dump(Module(Expr(Const("s", "u")))).ShouldBe("Module(body=[Expr(value=Constant(value='s', kind='u'))])");
        AstDump.Dump(Const(BigInteger.Pow(10, 30))).ShouldBe("Constant(value=1000000000000000000000000000000)");
    }

    [Fact]
    public void SlicesInDeleteAndAnnotationWithoutValue()
    {
        // del a[1:2, ::3]
        var slice = new Tuple(
            [new Slice(Const(1L), Const(2L), null, 1, 6, 1, 9), new Slice(null, null, Const(3L), 1, 11, 1, 14)],
            ExprContext.Load, 1, 6, 1, 14);
        AstDump.Dump(Module(new Delete([new Subscript(Load("a"), slice, ExprContext.Del, 1, 4, 1, 15)], 1, 0, 1, 15))).ShouldBe(
            "Module(body=[Delete(targets=[Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), " +
            "upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Del())])])");

        // x: int
        AstDump.Dump(Module(new AnnAssign(Store("x"), Load("int"), null, 1, 1, 0, 1, 6))).ShouldBe(
            "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1)])");
    }

    [Fact]
    public void TryStarAndLambdaWithYield()
    {
        // try:
        //     pass
        // except* E as e:
        //     pass
        var handler = new ExceptHandler(Load("E"), "e", [Pass()], 3, 0, 4, 8);
        AstDump.Dump(Module(new TryStar([Pass()], [handler], [], [], 1, 0, 4, 8))).ShouldBe(
            "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()])])])");

        // lambda: (yield)
        AstDump.Dump(Module(Expr(new Lambda(NoArguments(), new Yield(null, 1, 9, 1, 14), 1, 0, 1, 15)))).ShouldBe(
            "Module(body=[Expr(value=Lambda(args=arguments(), body=Yield()))])");
    }

    [Fact]
    public void TemplateStringAsPython314DumpsIt()
    {
        // t"a{b!r:x}" in 3.14: TemplateStr(values=[Constant(value='a'), Interpolation(value=Name(id='b', ctx=Load()),
        // str='b', conversion=114, format_spec=JoinedStr(values=[Constant(value='x')]))])
        var spec = new JoinedStr([Const("x")], 1, 8, 1, 9);
        var template = new TemplateStr([Const("a"), new Interpolation(Load("b"), "b", 'r', spec, 1, 3, 1, 10)], 1, 0, 1, 11);

        AstDump.Dump(template).ShouldBe(
            "TemplateStr(values=[Constant(value='a'), Interpolation(value=Name(id='b', ctx=Load()), str='b', conversion=114, " +
            "format_spec=JoinedStr(values=[Constant(value='x')]))])");
    }

    [Fact]
    public void TreesDeeperThanTheStackAreDumped()
    {
        // a+a+...+a with 50,000 operands nests BinOp 49,999 deep on the left, deeper than a thread stack holds.
        const int operands = 50_000;
        ExprNode expr = Load("a");
        for (var i = 1; i < operands; i++)
        {
            expr = new BinOp(expr, Operator.Add, Load("a"), 1, 0, 1, (2 * i) + 1);
        }

        var dump = AstDump.Dump(Module(Expr(expr)));

        dump.ShouldStartWith("Module(body=[Expr(value=BinOp(left=BinOp(left=BinOp(");
        dump.ShouldEndWith("op=Add(), right=Name(id='a', ctx=Load())))])");
        CountOf(dump, "BinOp(").ShouldBe(operands - 1);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
