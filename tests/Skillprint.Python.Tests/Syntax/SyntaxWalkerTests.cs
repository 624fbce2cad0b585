using Skillprint.Python.Syntax;
using static Skillprint.Python.Tests.Syntax.TreeBuilder;
using Tuple = Skillprint.Python.Syntax.Tuple;

namespace Skillprint.Python.Tests.Syntax;

public sealed class SyntaxWalkerTests
{
    [Fact]
    public void VisitsEveryNodeInFieldOrder()
    {
        // @d
        // def f(x=1): return {**a, "k": x}
        var dict = new Dict([null, Const("k")], [Load("a"), Load("x")], 2, 19, 2, 33);
        var arguments = new Arguments([], [Arg("x")], null, [], [], null, [Const(1L)]);
        var tree = Module(new FunctionDef("f", arguments, [new Return(dict, 2, 12, 2, 33)], [Load("d")], null, [], 1, 0, 2, 33));
        var walker = new KindRecorder();

        walker.Visit(tree);

        walker.Kinds.ShouldBe(
        [
            NodeKind.Module, NodeKind.FunctionDef, NodeKind.Arguments, NodeKind.Arg, NodeKind.Constant,
            NodeKind.Return, NodeKind.Dict, NodeKind.Constant, NodeKind.Name, NodeKind.Name, NodeKind.Name,
        ]);
    }

    [Fact]
    public void OverridingOneKindStillReachesTheOthers()
    {
        // f(g(x))
        var inner = new Call(Load("g"), [Load("x")], [], 1, 2, 1, 6);
        var tree = Module(Expr(new Call(Load("f"), [inner], [], 1, 0, 1, 7)));
        var names = new NameCollector();

        names.Visit(tree);

        names.Ids.ShouldBe(["f", "g", "x"]);
    }

    [Fact]
    public void WalksTreesDeeperThanTheStack()
    {
        // not not not ... x, 200,000 deep: far deeper than a thread stack holds
        ExprNode expr = Load("x");
        for (var i = 0; i < 200_000; i++)
        {
            expr = new UnaryOp(UnaryOperator.Not, expr, 1, 0, 1, 1);
        }

        var names = new NameCollector();
        names.Visit(Module(Expr(expr)));

        names.Ids.ShouldBe(["x"]);
    }

    [Fact]
    public void WithContextReachesIntoTuplesListsAndStarred()
    {
        // (a, [b, *c]) as an assignment target
        var list = new List([Load("b"), new Starred(Load("c"), ExprContext.Load, 1, 8, 1, 10)], ExprContext.Load, 1, 4, 1, 11);
        var tuple = new Tuple([Load("a"), list], ExprContext.Load, 1, 0, 1, 12);

        AstDump.Dump(ExprNode.WithContext(tuple, ExprContext.Store)).ShouldBe(
            "Tuple(elts=[Name(id='a', ctx=Store()), List(elts=[Name(id='b', ctx=Store()), Starred(value=Name(id='c', ctx=Store()), ctx=Store())], ctx=Store())], ctx=Store())");
    }

    private sealed class KindRecorder : SyntaxWalker
    {
        public List<NodeKind> Kinds { get; } = [];

        public override void Visit(Node? node)
        {
            if (node is not null)
            {
                Kinds.Add(node.NodeKind);
            }

            base.Visit(node);
        }
    }

    private sealed class NameCollector : SyntaxWalker
    {
        public List<string> Ids { get; } = [];

        public override void VisitName(Name node) => Ids.Add(node.Id);
    }
}
