using Skillprint.Python.Syntax;
using Attribute = Skillprint.Python.Syntax.Attribute;

namespace Skillprint.Core.Detection;

/// <summary>
/// One pass over one module that evaluates every compiled rule at the nodes it concerns. Hits land
/// as python-skills.md's "Where a hit lands" says: decorators on their own line, calls on the
/// call's, names on the Name or Attribute's, imports on the statement's, meanings about a function
/// or class on its <c>def</c>/<c>class</c> line, statements and expressions on their own.
/// Qualified names are built only for chains whose root an import or builtin binds to a first
/// segment some rule mentions, so most names cost one dictionary lookup.
/// </summary>
internal sealed class DetectionWalker : SyntaxWalker
{
    private static readonly string[] DunderExceptInit = ["__init__"];

    private readonly CompiledRules _rules;
    private readonly ModuleScope _scope;
    private readonly HitCollector _hits;
    private readonly bool[] _activeFilters;
    private readonly Dictionary<string, string> _roots = new(StringComparer.Ordinal);
    private readonly List<RuleTarget[]> _matches = [];
    private readonly bool _isTestFile;
    private readonly bool _isTestOrConftest;
    private readonly bool _stringsActive;

    private int _line = 1;
    private int _annotationDepth;
    private int _formattedDepth;
    private int _definitionDepth;
    private bool _yieldSeen;

    /// <summary>The last line of the class whose bases are being walked (0 outside them): a name
    /// used as a base is about the whole class.</summary>
    private int _basesOfClassEnd;
    private ExprNode? _cachedNode;
    private string? _cachedName;

    public DetectionWalker(CompiledRules rules, ModuleScope scope, HitCollector hits, bool[] activeFilters, string fileName)
    {
        _rules = rules;
        _scope = scope;
        _hits = hits;
        _activeFilters = activeFilters;
        foreach (var (local, qualified) in scope.Bindings)
        {
            var dot = qualified.IndexOf('.', StringComparison.Ordinal);
            if (rules.FirstSegments.Contains(dot < 0 ? qualified : qualified[..dot]))
            {
                _roots[local] = qualified;
            }
        }

        _isTestFile = fileName.EndsWith(".py", StringComparison.Ordinal)
            && (fileName.StartsWith("test_", StringComparison.Ordinal) || fileName.EndsWith("_test.py", StringComparison.Ordinal));
        _isTestOrConftest = _isTestFile || string.Equals(fileName, "conftest.py", StringComparison.Ordinal);
        _stringsActive = rules.HasStringRules;
    }

    public override void Visit(Node? node)
    {
        if (node is null)
        {
            return;
        }

        var saved = _line;
        if (node is LocatedNode located)
        {
            _line = located.Line;
        }

        if (_rules.NodeTargets[(int)node.NodeKind] is { } targets)
        {
            if (node is FunctionDef or AsyncFunctionDef or ClassDef)
            {
                // A node rule on a def or class is about the whole definition.
                var definition = (LocatedNode)node;
                Emit(targets, definition.Line, LastLine(definition), definition.EndLine);
            }
            else
            {
                var (line, endLine) = node is LocatedNode at ? (at.Line, at.EndLine) : (_line, _line);
                Emit(targets, line, endLine);
            }
        }

        base.Visit(node);
        _line = saved;
    }

    // --- definitions -------------------------------------------------------------------------

    public override void VisitFunctionDef(FunctionDef node)
    {
        CheckFunction(node, node.Name, node.Args, node.Returns, node.TypeParams);
        CheckDecorators(node.DecoratorList);
        VisitSignature(node.Args, node.Returns, node.TypeParams);
        if (VisitOwnBody(node.Body) && IsOn(PredicateKind.GeneratorFunction))
        {
            EmitPredicate(PredicateKind.GeneratorFunction, node);
        }

        if (node.Name.StartsWith("test_", StringComparison.Ordinal) && _isTestFile)
        {
            EmitPredicate(PredicateKind.TestFunction, node);
        }
    }

    public override void VisitAsyncFunctionDef(AsyncFunctionDef node)
    {
        CheckFunction(node, node.Name, node.Args, node.Returns, node.TypeParams);
        CheckDecorators(node.DecoratorList);
        VisitSignature(node.Args, node.Returns, node.TypeParams);
        if (VisitOwnBody(node.Body) && IsOn(PredicateKind.AsyncGenerator))
        {
            EmitPredicate(PredicateKind.AsyncGenerator, node);
        }

        // `async def test_*` is a test too (pytest-asyncio, anyio's plugin, IsolatedAsyncioTestCase).
        if (node.Name.StartsWith("test_", StringComparison.Ordinal) && _isTestFile)
        {
            EmitPredicate(PredicateKind.TestFunction, node);
        }
    }

    public override void VisitLambda(Lambda node)
    {
        Visit(node.Args);
        var saved = _yieldSeen;
        _definitionDepth++;
        Visit(node.Body);
        _definitionDepth--;
        _yieldSeen = saved;
    }

    public override void VisitClassDef(ClassDef node)
    {
        CheckClass(node);
        CheckDecorators(node.DecoratorList);
        var saved = _basesOfClassEnd;
        _basesOfClassEnd = node.EndLine;
        VisitList(node.Bases);
        _basesOfClassEnd = saved;
        VisitList(node.Keywords);
        VisitList(node.TypeParams);
        VisitOwnBody(node.Body);
    }

    public override void VisitArg(Arg node)
    {
        if (node.Annotation is not null)
        {
            _annotationDepth++;
            Visit(node.Annotation);
            _annotationDepth--;
        }
    }

    public override void VisitAnnAssign(AnnAssign node)
    {
        CheckModuleAll(node, node.Value is null ? null : node.Target);
        Visit(node.Target);
        _annotationDepth++;
        Visit(node.Annotation);
        _annotationDepth--;
        Visit(node.Value);
    }

    // --- statements --------------------------------------------------------------------------

    public override void VisitAssign(Assign node)
    {
        if (_definitionDepth == 0 && IsOn(PredicateKind.ModuleAll))
        {
            foreach (var target in node.Targets)
            {
                CheckModuleAll(node, target);
            }
        }

        base.VisitAssign(node);
    }

    public override void VisitAugAssign(AugAssign node)
    {
        CheckModuleAll(node, node.Target);
        base.VisitAugAssign(node);
    }

    public override void VisitTypeAlias(TypeAlias node)
    {
        if (node.TypeParams.Count > 0)
        {
            EmitPredicate(PredicateKind.TypeParameters, node);
        }

        base.VisitTypeAlias(node);
    }

    public override void VisitTry(Try node)
    {
        if (node.Handlers.Count > 0)
        {
            EmitPredicate(PredicateKind.TryExcept, node);
        }

        if (node.Finalbody.Count > 0)
        {
            EmitPredicate(PredicateKind.TryFinally, node);
        }

        base.VisitTry(node);
    }

    public override void VisitRaise(Raise node)
    {
        if (node.Cause is not null)
        {
            EmitPredicate(PredicateKind.RaiseFrom, node);
        }

        base.VisitRaise(node);
    }

    public override void VisitImport(Import node)
    {
        if (_rules.Imports.IsEmpty)
        {
            return;
        }

        foreach (var alias in node.Names)
        {
            MatchImport(alias.Name, node);
        }
    }

    public override void VisitImportFrom(ImportFrom node)
    {
        if (_rules.Imports.IsEmpty || _scope.ResolveFromModule(node) is not { } source)
        {
            return;
        }

        if (source.Length > 0)
        {
            MatchImport(source, node);
        }

        // 'from google import cloud' imports the module google.cloud when cloud is one.
        if (source.Length == 0 || _rules.ImportParents.Contains(source))
        {
            foreach (var alias in node.Names)
            {
                if (!string.Equals(alias.Name, "*", StringComparison.Ordinal))
                {
                    MatchImport(source.Length == 0 ? alias.Name : source + "." + alias.Name, node);
                }
            }
        }
    }

    // --- expressions -------------------------------------------------------------------------

    public override void VisitCall(Call node)
    {
        var func = node.Func;
        string? callee = null;
        if (!_rules.Calls.IsEmpty || _rules.Keywords.Count > 0)
        {
            callee = ResolveChain(func);
        }

        if (callee is not null && !_rules.Calls.IsEmpty)
        {
            _matches.Clear();
            _rules.Calls.Match(callee, _matches);
            foreach (var targets in _matches)
            {
                foreach (var target in targets)
                {
                    if (target.Keywords is null || PassesKeyword(node, target.Keywords))
                    {
                        Emit(target, node.Line, node.EndLine);
                    }
                }
            }
        }

        if (func is Attribute attribute && _rules.AttributeCalls.TryGetValue(attribute.Attr, out var attributeTargets))
        {
            foreach (var target in attributeTargets)
            {
                if (target.Of is null || (ResolveChain(attribute.Value) is { } owner && target.Of.Matches(owner)))
                {
                    Emit(target, node.Line, node.EndLine);
                }
            }
        }

        if (_rules.Keywords.Count > 0)
        {
            foreach (var keyword in node.Keywords)
            {
                if (keyword.Arg is { } name && _rules.Keywords.TryGetValue(name, out var keywordTargets))
                {
                    foreach (var target in keywordTargets)
                    {
                        if (target.Of is null || (callee is not null && target.Of.Matches(callee)))
                        {
                            Emit(target, node.Line, node.EndLine);
                        }
                    }
                }
            }
        }

        base.VisitCall(node);
    }

    public override void VisitAttribute(Attribute node)
    {
        // The first Attribute of a chain the walk meets is its outermost: resolve the chain once
        // here and do not walk into it (its inner Attributes and Name start on the same line).
        ExprNode root = node;
        while (root is Attribute inner)
        {
            if (!ReferenceEquals(inner, node) && _rules.NodeTargets[(int)NodeKind.Attribute] is { } attributeTargets)
            {
                Emit(attributeTargets, inner.Line, inner.EndLine);
            }

            root = inner.Value;
        }

        if (root is not Name name)
        {
            Visit(root);
            return;
        }

        if (_rules.NodeTargets[(int)NodeKind.Name] is { } nameTargets)
        {
            Emit(nameTargets, name.Line, name.EndLine);
        }

        if (!_rules.Uses.IsEmpty && ResolveChain(node) is { } qualified)
        {
            MatchUses(qualified, node);
        }
    }

    public override void VisitName(Name node)
    {
        if (!_rules.Uses.IsEmpty && ResolveRoot(node.Id) is { } qualified)
        {
            MatchUses(qualified, node);
        }
    }

    public override void VisitBinOp(BinOp node)
    {
        if (_annotationDepth > 0 && node.Op == Operator.BitOr)
        {
            EmitPredicate(PredicateKind.UnionAnnotation, node);
        }

        base.VisitBinOp(node);
    }

    public override void VisitYield(Yield node)
    {
        _yieldSeen = true;
        base.VisitYield(node);
    }

    public override void VisitYieldFrom(YieldFrom node)
    {
        _yieldSeen = true;
        base.VisitYieldFrom(node);
    }

    public override void VisitListComp(ListComp node)
    {
        CheckAsyncComprehension(node, node.Generators);
        base.VisitListComp(node);
    }

    public override void VisitSetComp(SetComp node)
    {
        CheckAsyncComprehension(node, node.Generators);
        base.VisitSetComp(node);
    }

    public override void VisitDictComp(DictComp node)
    {
        CheckAsyncComprehension(node, node.Generators);
        base.VisitDictComp(node);
    }

    public override void VisitGeneratorExp(GeneratorExp node)
    {
        CheckAsyncComprehension(node, node.Generators);
        base.VisitGeneratorExp(node);
    }

    public override void VisitJoinedStr(JoinedStr node)
    {
        // The literal parts of an f-string are Constants, but not string constants of the program.
        _formattedDepth++;
        base.VisitJoinedStr(node);
        _formattedDepth--;
    }

    public override void VisitConstant(Constant node)
    {
        if (_stringsActive && _formattedDepth == 0 && node.Value is string text && _rules.Strings.TryGetValue(text, out var targets))
        {
            Emit(targets, node.Line, node.EndLine);
        }
    }

    // --- checks ------------------------------------------------------------------------------

    private void CheckFunction(Stmt node, string name, Arguments args, ExprNode? returns, IReadOnlyList<TypeParam> typeParams)
    {
        if (_rules.Defines.TryGetValue(name, out var defined))
        {
            Emit(defined, node.Line, LastLine(node), node.EndLine);
        }

        if (args.Vararg is not null || args.Kwarg is not null)
        {
            EmitPredicate(PredicateKind.StarArgs, node);
        }

        if (args.Kwonlyargs.Count > 0)
        {
            EmitPredicate(PredicateKind.KeywordOnlyParameter, node);
        }

        if (args.Posonlyargs.Count > 0)
        {
            EmitPredicate(PredicateKind.PositionalOnlyParameter, node);
        }

        if (typeParams.Count > 0)
        {
            EmitPredicate(PredicateKind.TypeParameters, node);
        }

        if (IsOn(PredicateKind.AnnotatedFunction) && (returns is not null || AnyParameter(args, static arg => arg.Annotation is not null)))
        {
            EmitPredicate(PredicateKind.AnnotatedFunction, node);
        }

        if (_isTestOrConftest && IsOn(PredicateKind.MockFixtureParameter)
            && AnyParameter(args, static arg => arg.Name is "monkeypatch" or "mocker"))
        {
            EmitPredicate(PredicateKind.MockFixtureParameter, node);
        }
    }

    private void CheckClass(ClassDef node)
    {
        if (node.Bases.Count >= 2)
        {
            EmitPredicate(PredicateKind.MultipleBases, node);
        }

        if (node.TypeParams.Count > 0)
        {
            EmitPredicate(PredicateKind.TypeParameters, node);
        }

        if (!_rules.Subclasses.IsEmpty)
        {
            foreach (var baseExpr in node.Bases)
            {
                if (ResolveChain(baseExpr is Subscript subscript ? subscript.Value : baseExpr) is { } qualified)
                {
                    _matches.Clear();
                    _rules.Subclasses.Match(qualified, _matches);
                    foreach (var targets in _matches)
                    {
                        Emit(targets, node.Line, LastLine(node), node.EndLine);
                    }
                }
            }
        }

        if (IsOn(PredicateKind.Metaclass)
            && (node.Keywords.Any(keyword => keyword.Arg == "metaclass")
                || node.Bases.Any(baseExpr => _scope.ResolveBase(baseExpr) == "builtins.type")))
        {
            EmitPredicate(PredicateKind.Metaclass, node);
        }

        if (IsOn(PredicateKind.CustomException) && node.Bases.Count > 0
            && (node.Name.EndsWith("Error", StringComparison.Ordinal)
                || node.Name.EndsWith("Exception", StringComparison.Ordinal)
                || node.Bases.Any(baseExpr => _scope.ResolveBase(baseExpr) is "builtins.Exception" or "builtins.BaseException")))
        {
            EmitPredicate(PredicateKind.CustomException, node);
        }

        if (IsOn(PredicateKind.DunderMethod) || IsOn(PredicateKind.ContextManagerClass) || IsOn(PredicateKind.DescriptorClass) || IsOn(PredicateKind.Slots))
        {
            CheckClassBody(node);
        }
    }

    /// <summary>The predicates about what a class's own body defines (its direct statements).</summary>
    private void CheckClassBody(ClassDef node)
    {
        bool dunder = false, enter = false, exit = false, aenter = false, aexit = false, descriptor = false, slots = false;
        foreach (var statement in node.Body)
        {
            var method = statement switch
            {
                FunctionDef function => function.Name,
                AsyncFunctionDef function => function.Name,
                _ => null,
            };
            if (method is not null)
            {
                dunder |= IsDunder(method) && !DunderExceptInit.Contains(method, StringComparer.Ordinal);
                enter |= method == "__enter__";
                exit |= method == "__exit__";
                aenter |= method == "__aenter__";
                aexit |= method == "__aexit__";
                descriptor |= method is "__get__" or "__set__" or "__set_name__";
            }

            slots |= statement switch
            {
                Assign assign => assign.Targets.Any(target => target is Name { Id: "__slots__" }),
                AnnAssign annAssign => annAssign.Target is Name { Id: "__slots__" },
                AugAssign augAssign => augAssign.Target is Name { Id: "__slots__" },
                _ => false,
            };
        }

        if (dunder)
        {
            EmitPredicate(PredicateKind.DunderMethod, node);
        }

        if ((enter && exit) || (aenter && aexit))
        {
            EmitPredicate(PredicateKind.ContextManagerClass, node);
        }

        if (descriptor)
        {
            EmitPredicate(PredicateKind.DescriptorClass, node);
        }

        if (slots)
        {
            EmitPredicate(PredicateKind.Slots, node);
        }
    }

    private static bool IsDunder(string name) =>
        name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal);

    private void CheckDecorators(IReadOnlyList<ExprNode> decorators)
    {
        foreach (var decorator in decorators)
        {
            EmitPredicate(PredicateKind.Decorated, decorator);
            var target = decorator is Call call ? call.Func : decorator;
            if (!_rules.Decorates.IsEmpty && ResolveChain(target) is { } qualified)
            {
                _matches.Clear();
                _rules.Decorates.Match(qualified, _matches);
                foreach (var targets in _matches)
                {
                    foreach (var rule in targets)
                    {
                        if (rule.Except is null || !rule.Except.Matches(qualified))
                        {
                            Emit(rule, decorator.Line, decorator.EndLine);
                        }
                    }
                }
            }

            if (target is Attribute attribute && _rules.DecoratesAttribute.TryGetValue(attribute.Attr, out var attributeTargets))
            {
                foreach (var rule in attributeTargets)
                {
                    if (rule.Of is null || (ResolveChain(attribute.Value) is { } owner && rule.Of.Matches(owner)))
                    {
                        Emit(rule, decorator.Line, decorator.EndLine);
                    }
                }
            }

            Visit(decorator);
        }
    }

    private void CheckModuleAll(Stmt statement, ExprNode? target)
    {
        if (_definitionDepth == 0 && target is Name { Id: "__all__" })
        {
            EmitPredicate(PredicateKind.ModuleAll, statement);
        }
    }

    private void CheckAsyncComprehension(ExprNode node, IReadOnlyList<Comprehension> generators)
    {
        if (IsOn(PredicateKind.AsyncComprehension) && generators.Any(generator => generator.IsAsync != 0))
        {
            EmitPredicate(PredicateKind.AsyncComprehension, node);
        }
    }

    private static bool AnyParameter(Arguments args, Func<Arg, bool> test) =>
        args.Posonlyargs.Any(test) || args.Args.Any(test) || args.Kwonlyargs.Any(test)
        || (args.Vararg is { } vararg && test(vararg)) || (args.Kwarg is { } kwarg && test(kwarg));

    private static bool PassesKeyword(Call call, IReadOnlySet<string> names)
    {
        foreach (var keyword in call.Keywords)
        {
            if (keyword.Arg is { } name && names.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    // --- walking helpers ---------------------------------------------------------------------

    /// <summary>Visits a function's parameters, return annotation and type parameters (in the enclosing scope).</summary>
    private void VisitSignature(Arguments args, ExprNode? returns, IReadOnlyList<TypeParam> typeParams)
    {
        Visit(args);
        if (returns is not null)
        {
            _annotationDepth++;
            Visit(returns);
            _annotationDepth--;
        }

        VisitList(typeParams);
    }

    /// <summary>Visits the body of a def or class; true when its own body (not nested ones) yields.</summary>
    private bool VisitOwnBody(IReadOnlyList<Stmt> body)
    {
        var saved = _yieldSeen;
        var savedAnnotation = _annotationDepth;
        _yieldSeen = false;
        _annotationDepth = 0;
        _definitionDepth++;
        VisitList(body);
        _definitionDepth--;
        var yielded = _yieldSeen;
        _yieldSeen = saved;
        _annotationDepth = savedAnnotation;
        return yielded;
    }

    // --- resolution and matching -------------------------------------------------------------

    /// <summary>
    /// The qualified name of a Name or Attribute chain, or null when its root is not a name some
    /// rule could match. Remembers the last answer: a callee is resolved for the call, then met
    /// again as a chain.
    /// </summary>
    private string? ResolveChain(ExprNode expr)
    {
        if (ReferenceEquals(expr, _cachedNode))
        {
            return _cachedName;
        }

        var length = 0;
        var node = expr;
        while (node is Attribute attribute)
        {
            length += attribute.Attr.Length + 1;
            node = attribute.Value;
        }

        string? result = null;
        if (node is Name root && ResolveRoot(root.Id) is { } rootName)
        {
            result = length == 0 ? rootName : ModuleScope.Qualify(rootName, expr, length);
        }

        _cachedNode = expr;
        _cachedName = result;
        return result;
    }

    private string? ResolveRoot(string id)
    {
        if (_roots.TryGetValue(id, out var qualified))
        {
            return qualified;
        }

        if (_rules.Builtins.TryGetValue(id, out var builtin) && _scope.IsBuiltin(id))
        {
            return builtin;
        }

        return null;
    }

    private void MatchUses(string qualified, LocatedNode node)
    {
        _matches.Clear();
        _rules.Uses.Match(qualified, _matches);
        foreach (var targets in _matches)
        {
            Emit(targets, node.Line, node.EndLine, _basesOfClassEnd);
        }
    }

    private void MatchImport(string module, Stmt statement)
    {
        _matches.Clear();
        _rules.Imports.Match(module, _matches);
        foreach (var targets in _matches)
        {
            Emit(targets, statement.Line, statement.EndLine);
        }
    }

    private bool IsOn(PredicateKind predicate) => _rules.PredicateTargets[(int)predicate] is not null;

    private void EmitPredicate(PredicateKind predicate, LocatedNode node)
    {
        if (_rules.PredicateTargets[(int)predicate] is { } targets)
        {
            Emit(targets, node.Line, LastLine(node), IsAboutWholeNode(predicate) ? node.EndLine : 0);
        }
    }

    /// <summary>
    /// The predicates whose evidence is a whole function or class, its body as much as its first
    /// line: what it yields, what it tests, which methods a class defines, what it is a subclass
    /// of. The others (parameters, annotations, bases, a try or raise statement) are about the
    /// lines they name.
    /// </summary>
    private static bool IsAboutWholeNode(PredicateKind predicate) => predicate is PredicateKind.GeneratorFunction
        or PredicateKind.AsyncGenerator or PredicateKind.TestFunction or PredicateKind.DunderMethod
        or PredicateKind.ContextManagerClass or PredicateKind.DescriptorClass or PredicateKind.Slots
        or PredicateKind.CustomException;

    /// <summary>
    /// The end line a hit on a def or class records: its header (up to the body), not the whole
    /// body, so that attribution reads the lines that show the skill.
    /// </summary>
    private static int LastLine(LocatedNode node) => node switch
    {
        FunctionDef function when function.Body.Count > 0 => Math.Max(function.Line, function.Body[0].Line - 1),
        AsyncFunctionDef function when function.Body.Count > 0 => Math.Max(function.Line, function.Body[0].Line - 1),
        ClassDef classDef when classDef.Body.Count > 0 => Math.Max(classDef.Line, classDef.Body[0].Line - 1),
        _ => node.EndLine,
    };

    private void Emit(RuleTarget[] targets, int line, int endLine, int nodeEndLine = 0)
    {
        foreach (var target in targets)
        {
            Emit(target, line, endLine, nodeEndLine);
        }
    }

    private void Emit(RuleTarget target, int line, int endLine, int nodeEndLine = 0)
    {
        if (target.Filter < 0 || _activeFilters[target.Filter])
        {
            _hits.Add(target.SkillIndex, line, endLine, nodeEndLine);
        }
    }
}
