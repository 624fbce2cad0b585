namespace Skillprint.Python.Syntax;

/// <summary>
/// Walks a tree depth first. Each Visit method visits the node's children in the order of ast's
/// <c>_fields</c> (as <c>ast.NodeVisitor.generic_visit</c> does); override the ones you need and
/// call the base method to go on into the children. <see cref="Visit"/> is the single entry for
/// every node, so overriding it sees them all. Trees of any depth are walked without overflowing
/// the stack. Allocation-free apart from the rare switch to a new stack.
/// </summary>
public abstract class SyntaxWalker
{
    private int _depth;

    /// <summary>Visits one node (nothing when it is null) through its kind's Visit method.</summary>
    public virtual void Visit(Node? node)
    {
        if (node is null)
        {
            return;
        }

        _depth++;
        if (StackGuard.IsLow(_depth))
        {
            StackGuard.RunOnNewStack(static s => s.Node.Accept(s.Walker), (Node: node, Walker: this));
        }
        else
        {
            node.Accept(this);
        }

        _depth--;
    }

    /// <summary>Visits the nodes of a list in order (null entries, as in Dict.Keys, are passed over).</summary>
    public void VisitList<T>(IReadOnlyList<T?> nodes)
        where T : Node
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            Visit(nodes[i]);
        }
    }

    public virtual void VisitModule(Module node)
    {
        VisitList(node.Body);
        VisitList(node.TypeIgnores);
    }

    public virtual void VisitInteractive(Interactive node)
    {
        VisitList(node.Body);
    }

    public virtual void VisitExpression(Expression node)
    {
        Visit(node.Body);
    }

    public virtual void VisitFunctionType(FunctionType node)
    {
        VisitList(node.Argtypes);
        Visit(node.Returns);
    }

    public virtual void VisitFunctionDef(FunctionDef node)
    {
        Visit(node.Args);
        VisitList(node.Body);
        VisitList(node.DecoratorList);
        Visit(node.Returns);
        VisitList(node.TypeParams);
    }

    public virtual void VisitAsyncFunctionDef(AsyncFunctionDef node)
    {
        Visit(node.Args);
        VisitList(node.Body);
        VisitList(node.DecoratorList);
        Visit(node.Returns);
        VisitList(node.TypeParams);
    }

    public virtual void VisitClassDef(ClassDef node)
    {
        VisitList(node.Bases);
        VisitList(node.Keywords);
        VisitList(node.Body);
        VisitList(node.DecoratorList);
        VisitList(node.TypeParams);
    }

    public virtual void VisitReturn(Return node)
    {
        Visit(node.Value);
    }

    public virtual void VisitDelete(Delete node)
    {
        VisitList(node.Targets);
    }

    public virtual void VisitAssign(Assign node)
    {
        VisitList(node.Targets);
        Visit(node.Value);
    }

    public virtual void VisitTypeAlias(TypeAlias node)
    {
        Visit(node.Name);
        VisitList(node.TypeParams);
        Visit(node.Value);
    }

    public virtual void VisitAugAssign(AugAssign node)
    {
        Visit(node.Target);
        Visit(node.Value);
    }

    public virtual void VisitAnnAssign(AnnAssign node)
    {
        Visit(node.Target);
        Visit(node.Annotation);
        Visit(node.Value);
    }

    public virtual void VisitFor(For node)
    {
        Visit(node.Target);
        Visit(node.Iter);
        VisitList(node.Body);
        VisitList(node.Orelse);
    }

    public virtual void VisitAsyncFor(AsyncFor node)
    {
        Visit(node.Target);
        Visit(node.Iter);
        VisitList(node.Body);
        VisitList(node.Orelse);
    }

    public virtual void VisitWhile(While node)
    {
        Visit(node.Test);
        VisitList(node.Body);
        VisitList(node.Orelse);
    }

    public virtual void VisitIf(If node)
    {
        Visit(node.Test);
        VisitList(node.Body);
        VisitList(node.Orelse);
    }

    public virtual void VisitWith(With node)
    {
        VisitList(node.Items);
        VisitList(node.Body);
    }

    public virtual void VisitAsyncWith(AsyncWith node)
    {
        VisitList(node.Items);
        VisitList(node.Body);
    }

    public virtual void VisitMatch(Match node)
    {
        Visit(node.Subject);
        VisitList(node.Cases);
    }

    public virtual void VisitRaise(Raise node)
    {
        Visit(node.Exc);
        Visit(node.Cause);
    }

    public virtual void VisitTry(Try node)
    {
        VisitList(node.Body);
        VisitList(node.Handlers);
        VisitList(node.Orelse);
        VisitList(node.Finalbody);
    }

    public virtual void VisitTryStar(TryStar node)
    {
        VisitList(node.Body);
        VisitList(node.Handlers);
        VisitList(node.Orelse);
        VisitList(node.Finalbody);
    }

    public virtual void VisitAssert(Assert node)
    {
        Visit(node.Test);
        Visit(node.Msg);
    }

    public virtual void VisitImport(Import node)
    {
        VisitList(node.Names);
    }

    public virtual void VisitImportFrom(ImportFrom node)
    {
        VisitList(node.Names);
    }

    public virtual void VisitGlobal(Global node)
    {
    }

    public virtual void VisitNonlocal(Nonlocal node)
    {
    }

    public virtual void VisitExpr(Expr node)
    {
        Visit(node.Value);
    }

    public virtual void VisitPass(Pass node)
    {
    }

    public virtual void VisitBreak(Break node)
    {
    }

    public virtual void VisitContinue(Continue node)
    {
    }

    public virtual void VisitBoolOp(BoolOp node)
    {
        VisitList(node.Values);
    }

    public virtual void VisitNamedExpr(NamedExpr node)
    {
        Visit(node.Target);
        Visit(node.Value);
    }

    public virtual void VisitBinOp(BinOp node)
    {
        Visit(node.Left);
        Visit(node.Right);
    }

    public virtual void VisitUnaryOp(UnaryOp node)
    {
        Visit(node.Operand);
    }

    public virtual void VisitLambda(Lambda node)
    {
        Visit(node.Args);
        Visit(node.Body);
    }

    public virtual void VisitIfExp(IfExp node)
    {
        Visit(node.Test);
        Visit(node.Body);
        Visit(node.Orelse);
    }

    public virtual void VisitDict(Dict node)
    {
        VisitList(node.Keys);
        VisitList(node.Values);
    }

    public virtual void VisitSet(Set node)
    {
        VisitList(node.Elts);
    }

    public virtual void VisitListComp(ListComp node)
    {
        Visit(node.Elt);
        VisitList(node.Generators);
    }

    public virtual void VisitSetComp(SetComp node)
    {
        Visit(node.Elt);
        VisitList(node.Generators);
    }

    public virtual void VisitDictComp(DictComp node)
    {
        Visit(node.Key);
        Visit(node.Value);
        VisitList(node.Generators);
    }

    public virtual void VisitGeneratorExp(GeneratorExp node)
    {
        Visit(node.Elt);
        VisitList(node.Generators);
    }

    public virtual void VisitAwait(Await node)
    {
        Visit(node.Value);
    }

    public virtual void VisitYield(Yield node)
    {
        Visit(node.Value);
    }

    public virtual void VisitYieldFrom(YieldFrom node)
    {
        Visit(node.Value);
    }

    public virtual void VisitCompare(Compare node)
    {
        Visit(node.Left);
        VisitList(node.Comparators);
    }

    public virtual void VisitCall(Call node)
    {
        Visit(node.Func);
        VisitList(node.Args);
        VisitList(node.Keywords);
    }

    public virtual void VisitFormattedValue(FormattedValue node)
    {
        Visit(node.Value);
        Visit(node.FormatSpec);
    }

    public virtual void VisitJoinedStr(JoinedStr node)
    {
        VisitList(node.Values);
    }

    public virtual void VisitTemplateStr(TemplateStr node)
    {
        VisitList(node.Values);
    }

    public virtual void VisitInterpolation(Interpolation node)
    {
        Visit(node.Value);
        Visit(node.FormatSpec);
    }

    public virtual void VisitConstant(Constant node)
    {
    }

    public virtual void VisitAttribute(Attribute node)
    {
        Visit(node.Value);
    }

    public virtual void VisitSubscript(Subscript node)
    {
        Visit(node.Value);
        Visit(node.Slice);
    }

    public virtual void VisitStarred(Starred node)
    {
        Visit(node.Value);
    }

    public virtual void VisitName(Name node)
    {
    }

    public virtual void VisitList(List node)
    {
        VisitList(node.Elts);
    }

    public virtual void VisitTuple(Tuple node)
    {
        VisitList(node.Elts);
    }

    public virtual void VisitSlice(Slice node)
    {
        Visit(node.Lower);
        Visit(node.Upper);
        Visit(node.Step);
    }

    public virtual void VisitComprehension(Comprehension node)
    {
        Visit(node.Target);
        Visit(node.Iter);
        VisitList(node.Ifs);
    }

    public virtual void VisitExceptHandler(ExceptHandler node)
    {
        Visit(node.Type);
        VisitList(node.Body);
    }

    public virtual void VisitArguments(Arguments node)
    {
        VisitList(node.Posonlyargs);
        VisitList(node.Args);
        Visit(node.Vararg);
        VisitList(node.Kwonlyargs);
        VisitList(node.KwDefaults);
        Visit(node.Kwarg);
        VisitList(node.Defaults);
    }

    public virtual void VisitArg(Arg node)
    {
        Visit(node.Annotation);
    }

    public virtual void VisitKeyword(Keyword node)
    {
        Visit(node.Value);
    }

    public virtual void VisitAlias(Alias node)
    {
    }

    public virtual void VisitWithItem(WithItem node)
    {
        Visit(node.ContextExpr);
        Visit(node.OptionalVars);
    }

    public virtual void VisitMatchCase(MatchCase node)
    {
        Visit(node.Pattern);
        Visit(node.Guard);
        VisitList(node.Body);
    }

    public virtual void VisitMatchValue(MatchValue node)
    {
        Visit(node.Value);
    }

    public virtual void VisitMatchSingleton(MatchSingleton node)
    {
    }

    public virtual void VisitMatchSequence(MatchSequence node)
    {
        VisitList(node.Patterns);
    }

    public virtual void VisitMatchMapping(MatchMapping node)
    {
        VisitList(node.Keys);
        VisitList(node.Patterns);
    }

    public virtual void VisitMatchClass(MatchClass node)
    {
        Visit(node.Cls);
        VisitList(node.Patterns);
        VisitList(node.KwdPatterns);
    }

    public virtual void VisitMatchStar(MatchStar node)
    {
    }

    public virtual void VisitMatchAs(MatchAs node)
    {
        Visit(node.Pattern);
    }

    public virtual void VisitMatchOr(MatchOr node)
    {
        VisitList(node.Patterns);
    }

    public virtual void VisitTypeIgnore(TypeIgnore node)
    {
    }

    public virtual void VisitTypeVar(TypeVar node)
    {
        Visit(node.Bound);
        Visit(node.DefaultValue);
    }

    public virtual void VisitParamSpec(ParamSpec node)
    {
        Visit(node.DefaultValue);
    }

    public virtual void VisitTypeVarTuple(TypeVarTuple node)
    {
        Visit(node.DefaultValue);
    }
}
