using System.Globalization;
using System.Text;

namespace Skillprint.Python.Syntax;

/// <summary>
/// Writes a tree exactly as CPython 3.13's <c>ast.dump(node)</c> prints it with its defaults
/// (annotate_fields=True, include_attributes=False, indent=None, show_empty=False): fields in
/// ast's order as <c>name=value</c>, leaving out fields that are None and lists that are empty,
/// except the value of Constant and MatchSingleton, which is always shown. Scalars are written as
/// Python's <c>repr</c> writes them (see <see cref="PythonRepr"/>).
/// </summary>
public sealed class AstDump
{
    private readonly StringBuilder _text;
    private readonly bool _includeAttributes;
    private int _depth;

    private AstDump(StringBuilder text, bool includeAttributes)
    {
        _text = text;
        _includeAttributes = includeAttributes;
    }

    /// <summary>
    /// The dump of <paramref name="node"/> (Lib/ast.py <c>dump</c>, Python 3.13). With
    /// <paramref name="includeAttributes"/>, as <c>ast.dump(node, include_attributes=True)</c>:
    /// each located node ends with its lineno, col_offset, end_lineno and end_col_offset.
    /// </summary>
    public static string Dump(Node node, bool includeAttributes = false)
    {
        var text = new StringBuilder(256);
        Dump(node, text, includeAttributes);
        return text.ToString();
    }

    /// <summary>Appends the dump of <paramref name="node"/> to <paramref name="text"/>.</summary>
    public static void Dump(Node node, StringBuilder text, bool includeAttributes = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(text);
        new AstDump(text, includeAttributes).Write(node);
    }

    private void Write(Node node)
    {
        _depth++;
        if (StackGuard.IsLow(_depth))
        {
            StackGuard.RunOnNewStack(static s => s.Dump.WriteNode(s.Node), (Dump: this, Node: node));
        }
        else
        {
            WriteNode(node);
        }

        _depth--;
    }

    private void WriteNode(Node node)
    {
        var first = true;
        switch (node.NodeKind)
        {
            case NodeKind.Module:
                {
                    var n = (Module)node;
                    _text.Append("Module(");
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "type_ignores=", n.TypeIgnores);
                    break;
                }
            case NodeKind.Interactive:
                {
                    var n = (Interactive)node;
                    _text.Append("Interactive(");
                    NodeListField(ref first, "body=", n.Body);
                    break;
                }
            case NodeKind.Expression:
                {
                    var n = (Expression)node;
                    _text.Append("Expression(");
                    NodeField(ref first, "body=", n.Body);
                    break;
                }
            case NodeKind.FunctionType:
                {
                    var n = (FunctionType)node;
                    _text.Append("FunctionType(");
                    NodeListField(ref first, "argtypes=", n.Argtypes);
                    NodeField(ref first, "returns=", n.Returns);
                    break;
                }
            case NodeKind.FunctionDef:
                {
                    var n = (FunctionDef)node;
                    _text.Append("FunctionDef(");
                    StringField(ref first, "name=", n.Name);
                    NodeField(ref first, "args=", n.Args);
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "decorator_list=", n.DecoratorList);
                    NodeField(ref first, "returns=", n.Returns);
                    StringField(ref first, "type_comment=", n.TypeComment);
                    NodeListField(ref first, "type_params=", n.TypeParams);
                    break;
                }
            case NodeKind.AsyncFunctionDef:
                {
                    var n = (AsyncFunctionDef)node;
                    _text.Append("AsyncFunctionDef(");
                    StringField(ref first, "name=", n.Name);
                    NodeField(ref first, "args=", n.Args);
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "decorator_list=", n.DecoratorList);
                    NodeField(ref first, "returns=", n.Returns);
                    StringField(ref first, "type_comment=", n.TypeComment);
                    NodeListField(ref first, "type_params=", n.TypeParams);
                    break;
                }
            case NodeKind.ClassDef:
                {
                    var n = (ClassDef)node;
                    _text.Append("ClassDef(");
                    StringField(ref first, "name=", n.Name);
                    NodeListField(ref first, "bases=", n.Bases);
                    NodeListField(ref first, "keywords=", n.Keywords);
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "decorator_list=", n.DecoratorList);
                    NodeListField(ref first, "type_params=", n.TypeParams);
                    break;
                }
            case NodeKind.Return:
                {
                    var n = (Return)node;
                    _text.Append("Return(");
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.Delete:
                {
                    var n = (Delete)node;
                    _text.Append("Delete(");
                    NodeListField(ref first, "targets=", n.Targets);
                    break;
                }
            case NodeKind.Assign:
                {
                    var n = (Assign)node;
                    _text.Append("Assign(");
                    NodeListField(ref first, "targets=", n.Targets);
                    NodeField(ref first, "value=", n.Value);
                    StringField(ref first, "type_comment=", n.TypeComment);
                    break;
                }
            case NodeKind.TypeAlias:
                {
                    var n = (TypeAlias)node;
                    _text.Append("TypeAlias(");
                    NodeField(ref first, "name=", n.Name);
                    NodeListField(ref first, "type_params=", n.TypeParams);
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.AugAssign:
                {
                    var n = (AugAssign)node;
                    _text.Append("AugAssign(");
                    NodeField(ref first, "target=", n.Target);
                    EnumField(ref first, "op=", OperatorName(n.Op));
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.AnnAssign:
                {
                    var n = (AnnAssign)node;
                    _text.Append("AnnAssign(");
                    NodeField(ref first, "target=", n.Target);
                    NodeField(ref first, "annotation=", n.Annotation);
                    NodeField(ref first, "value=", n.Value);
                    IntField(ref first, "simple=", n.Simple);
                    break;
                }
            case NodeKind.For:
                {
                    var n = (For)node;
                    _text.Append("For(");
                    NodeField(ref first, "target=", n.Target);
                    NodeField(ref first, "iter=", n.Iter);
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "orelse=", n.Orelse);
                    StringField(ref first, "type_comment=", n.TypeComment);
                    break;
                }
            case NodeKind.AsyncFor:
                {
                    var n = (AsyncFor)node;
                    _text.Append("AsyncFor(");
                    NodeField(ref first, "target=", n.Target);
                    NodeField(ref first, "iter=", n.Iter);
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "orelse=", n.Orelse);
                    StringField(ref first, "type_comment=", n.TypeComment);
                    break;
                }
            case NodeKind.While:
                {
                    var n = (While)node;
                    _text.Append("While(");
                    NodeField(ref first, "test=", n.Test);
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "orelse=", n.Orelse);
                    break;
                }
            case NodeKind.If:
                {
                    var n = (If)node;
                    _text.Append("If(");
                    NodeField(ref first, "test=", n.Test);
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "orelse=", n.Orelse);
                    break;
                }
            case NodeKind.With:
                {
                    var n = (With)node;
                    _text.Append("With(");
                    NodeListField(ref first, "items=", n.Items);
                    NodeListField(ref first, "body=", n.Body);
                    StringField(ref first, "type_comment=", n.TypeComment);
                    break;
                }
            case NodeKind.AsyncWith:
                {
                    var n = (AsyncWith)node;
                    _text.Append("AsyncWith(");
                    NodeListField(ref first, "items=", n.Items);
                    NodeListField(ref first, "body=", n.Body);
                    StringField(ref first, "type_comment=", n.TypeComment);
                    break;
                }
            case NodeKind.Match:
                {
                    var n = (Match)node;
                    _text.Append("Match(");
                    NodeField(ref first, "subject=", n.Subject);
                    NodeListField(ref first, "cases=", n.Cases);
                    break;
                }
            case NodeKind.Raise:
                {
                    var n = (Raise)node;
                    _text.Append("Raise(");
                    NodeField(ref first, "exc=", n.Exc);
                    NodeField(ref first, "cause=", n.Cause);
                    break;
                }
            case NodeKind.Try:
                {
                    var n = (Try)node;
                    _text.Append("Try(");
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "handlers=", n.Handlers);
                    NodeListField(ref first, "orelse=", n.Orelse);
                    NodeListField(ref first, "finalbody=", n.Finalbody);
                    break;
                }
            case NodeKind.TryStar:
                {
                    var n = (TryStar)node;
                    _text.Append("TryStar(");
                    NodeListField(ref first, "body=", n.Body);
                    NodeListField(ref first, "handlers=", n.Handlers);
                    NodeListField(ref first, "orelse=", n.Orelse);
                    NodeListField(ref first, "finalbody=", n.Finalbody);
                    break;
                }
            case NodeKind.Assert:
                {
                    var n = (Assert)node;
                    _text.Append("Assert(");
                    NodeField(ref first, "test=", n.Test);
                    NodeField(ref first, "msg=", n.Msg);
                    break;
                }
            case NodeKind.Import:
                {
                    var n = (Import)node;
                    _text.Append("Import(");
                    NodeListField(ref first, "names=", n.Names);
                    break;
                }
            case NodeKind.ImportFrom:
                {
                    var n = (ImportFrom)node;
                    _text.Append("ImportFrom(");
                    StringField(ref first, "module=", n.Module);
                    NodeListField(ref first, "names=", n.Names);
                    IntField(ref first, "level=", n.Level);
                    break;
                }
            case NodeKind.Global:
                {
                    var n = (Global)node;
                    _text.Append("Global(");
                    StringListField(ref first, "names=", n.Names);
                    break;
                }
            case NodeKind.Nonlocal:
                {
                    var n = (Nonlocal)node;
                    _text.Append("Nonlocal(");
                    StringListField(ref first, "names=", n.Names);
                    break;
                }
            case NodeKind.Expr:
                {
                    var n = (Expr)node;
                    _text.Append("Expr(");
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.Pass:
                {
                    var n = (Pass)node;
                    _text.Append("Pass(");
                    break;
                }
            case NodeKind.Break:
                {
                    var n = (Break)node;
                    _text.Append("Break(");
                    break;
                }
            case NodeKind.Continue:
                {
                    var n = (Continue)node;
                    _text.Append("Continue(");
                    break;
                }
            case NodeKind.BoolOp:
                {
                    var n = (BoolOp)node;
                    _text.Append("BoolOp(");
                    EnumField(ref first, "op=", BoolOperatorName(n.Op));
                    NodeListField(ref first, "values=", n.Values);
                    break;
                }
            case NodeKind.NamedExpr:
                {
                    var n = (NamedExpr)node;
                    _text.Append("NamedExpr(");
                    NodeField(ref first, "target=", n.Target);
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.BinOp:
                {
                    var n = (BinOp)node;
                    _text.Append("BinOp(");
                    NodeField(ref first, "left=", n.Left);
                    EnumField(ref first, "op=", OperatorName(n.Op));
                    NodeField(ref first, "right=", n.Right);
                    break;
                }
            case NodeKind.UnaryOp:
                {
                    var n = (UnaryOp)node;
                    _text.Append("UnaryOp(");
                    EnumField(ref first, "op=", UnaryOperatorName(n.Op));
                    NodeField(ref first, "operand=", n.Operand);
                    break;
                }
            case NodeKind.Lambda:
                {
                    var n = (Lambda)node;
                    _text.Append("Lambda(");
                    NodeField(ref first, "args=", n.Args);
                    NodeField(ref first, "body=", n.Body);
                    break;
                }
            case NodeKind.IfExp:
                {
                    var n = (IfExp)node;
                    _text.Append("IfExp(");
                    NodeField(ref first, "test=", n.Test);
                    NodeField(ref first, "body=", n.Body);
                    NodeField(ref first, "orelse=", n.Orelse);
                    break;
                }
            case NodeKind.Dict:
                {
                    var n = (Dict)node;
                    _text.Append("Dict(");
                    NullableNodeListField(ref first, "keys=", n.Keys);
                    NodeListField(ref first, "values=", n.Values);
                    break;
                }
            case NodeKind.Set:
                {
                    var n = (Set)node;
                    _text.Append("Set(");
                    NodeListField(ref first, "elts=", n.Elts);
                    break;
                }
            case NodeKind.ListComp:
                {
                    var n = (ListComp)node;
                    _text.Append("ListComp(");
                    NodeField(ref first, "elt=", n.Elt);
                    NodeListField(ref first, "generators=", n.Generators);
                    break;
                }
            case NodeKind.SetComp:
                {
                    var n = (SetComp)node;
                    _text.Append("SetComp(");
                    NodeField(ref first, "elt=", n.Elt);
                    NodeListField(ref first, "generators=", n.Generators);
                    break;
                }
            case NodeKind.DictComp:
                {
                    var n = (DictComp)node;
                    _text.Append("DictComp(");
                    NodeField(ref first, "key=", n.Key);
                    NodeField(ref first, "value=", n.Value);
                    NodeListField(ref first, "generators=", n.Generators);
                    break;
                }
            case NodeKind.GeneratorExp:
                {
                    var n = (GeneratorExp)node;
                    _text.Append("GeneratorExp(");
                    NodeField(ref first, "elt=", n.Elt);
                    NodeListField(ref first, "generators=", n.Generators);
                    break;
                }
            case NodeKind.Await:
                {
                    var n = (Await)node;
                    _text.Append("Await(");
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.Yield:
                {
                    var n = (Yield)node;
                    _text.Append("Yield(");
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.YieldFrom:
                {
                    var n = (YieldFrom)node;
                    _text.Append("YieldFrom(");
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.Compare:
                {
                    var n = (Compare)node;
                    _text.Append("Compare(");
                    NodeField(ref first, "left=", n.Left);
                    CmpOperatorListField(ref first, "ops=", n.Ops);
                    NodeListField(ref first, "comparators=", n.Comparators);
                    break;
                }
            case NodeKind.Call:
                {
                    var n = (Call)node;
                    _text.Append("Call(");
                    NodeField(ref first, "func=", n.Func);
                    NodeListField(ref first, "args=", n.Args);
                    NodeListField(ref first, "keywords=", n.Keywords);
                    break;
                }
            case NodeKind.FormattedValue:
                {
                    var n = (FormattedValue)node;
                    _text.Append("FormattedValue(");
                    NodeField(ref first, "value=", n.Value);
                    IntField(ref first, "conversion=", n.Conversion);
                    NodeField(ref first, "format_spec=", n.FormatSpec);
                    break;
                }
            case NodeKind.JoinedStr:
                {
                    var n = (JoinedStr)node;
                    _text.Append("JoinedStr(");
                    NodeListField(ref first, "values=", n.Values);
                    break;
                }
            case NodeKind.TemplateStr:
                {
                    var n = (TemplateStr)node;
                    _text.Append("TemplateStr(");
                    NodeListField(ref first, "values=", n.Values);
                    break;
                }
            case NodeKind.Interpolation:
                {
                    var n = (Interpolation)node;
                    _text.Append("Interpolation(");
                    NodeField(ref first, "value=", n.Value);
                    StringField(ref first, "str=", n.Str);
                    IntField(ref first, "conversion=", n.Conversion);
                    NodeField(ref first, "format_spec=", n.FormatSpec);
                    break;
                }
            case NodeKind.Constant:
                {
                    var n = (Constant)node;
                    _text.Append("Constant(");
                    Separator(ref first).Append("value=");
                    WriteConstant(n.Value);
                    StringField(ref first, "kind=", n.Kind);
                    break;
                }
            case NodeKind.Attribute:
                {
                    var n = (Attribute)node;
                    _text.Append("Attribute(");
                    NodeField(ref first, "value=", n.Value);
                    StringField(ref first, "attr=", n.Attr);
                    EnumField(ref first, "ctx=", ExprContextName(n.Ctx));
                    break;
                }
            case NodeKind.Subscript:
                {
                    var n = (Subscript)node;
                    _text.Append("Subscript(");
                    NodeField(ref first, "value=", n.Value);
                    NodeField(ref first, "slice=", n.Slice);
                    EnumField(ref first, "ctx=", ExprContextName(n.Ctx));
                    break;
                }
            case NodeKind.Starred:
                {
                    var n = (Starred)node;
                    _text.Append("Starred(");
                    NodeField(ref first, "value=", n.Value);
                    EnumField(ref first, "ctx=", ExprContextName(n.Ctx));
                    break;
                }
            case NodeKind.Name:
                {
                    var n = (Name)node;
                    _text.Append("Name(");
                    StringField(ref first, "id=", n.Id);
                    EnumField(ref first, "ctx=", ExprContextName(n.Ctx));
                    break;
                }
            case NodeKind.List:
                {
                    var n = (List)node;
                    _text.Append("List(");
                    NodeListField(ref first, "elts=", n.Elts);
                    EnumField(ref first, "ctx=", ExprContextName(n.Ctx));
                    break;
                }
            case NodeKind.Tuple:
                {
                    var n = (Tuple)node;
                    _text.Append("Tuple(");
                    NodeListField(ref first, "elts=", n.Elts);
                    EnumField(ref first, "ctx=", ExprContextName(n.Ctx));
                    break;
                }
            case NodeKind.Slice:
                {
                    var n = (Slice)node;
                    _text.Append("Slice(");
                    NodeField(ref first, "lower=", n.Lower);
                    NodeField(ref first, "upper=", n.Upper);
                    NodeField(ref first, "step=", n.Step);
                    break;
                }
            case NodeKind.Comprehension:
                {
                    var n = (Comprehension)node;
                    _text.Append("comprehension(");
                    NodeField(ref first, "target=", n.Target);
                    NodeField(ref first, "iter=", n.Iter);
                    NodeListField(ref first, "ifs=", n.Ifs);
                    IntField(ref first, "is_async=", n.IsAsync);
                    break;
                }
            case NodeKind.ExceptHandler:
                {
                    var n = (ExceptHandler)node;
                    _text.Append("ExceptHandler(");
                    NodeField(ref first, "type=", n.Type);
                    StringField(ref first, "name=", n.Name);
                    NodeListField(ref first, "body=", n.Body);
                    break;
                }
            case NodeKind.Arguments:
                {
                    var n = (Arguments)node;
                    _text.Append("arguments(");
                    NodeListField(ref first, "posonlyargs=", n.Posonlyargs);
                    NodeListField(ref first, "args=", n.Args);
                    NodeField(ref first, "vararg=", n.Vararg);
                    NodeListField(ref first, "kwonlyargs=", n.Kwonlyargs);
                    NullableNodeListField(ref first, "kw_defaults=", n.KwDefaults);
                    NodeField(ref first, "kwarg=", n.Kwarg);
                    NodeListField(ref first, "defaults=", n.Defaults);
                    break;
                }
            case NodeKind.Arg:
                {
                    var n = (Arg)node;
                    _text.Append("arg(");
                    StringField(ref first, "arg=", n.Name);
                    NodeField(ref first, "annotation=", n.Annotation);
                    StringField(ref first, "type_comment=", n.TypeComment);
                    break;
                }
            case NodeKind.Keyword:
                {
                    var n = (Keyword)node;
                    _text.Append("keyword(");
                    StringField(ref first, "arg=", n.Arg);
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.Alias:
                {
                    var n = (Alias)node;
                    _text.Append("alias(");
                    StringField(ref first, "name=", n.Name);
                    StringField(ref first, "asname=", n.Asname);
                    break;
                }
            case NodeKind.WithItem:
                {
                    var n = (WithItem)node;
                    _text.Append("withitem(");
                    NodeField(ref first, "context_expr=", n.ContextExpr);
                    NodeField(ref first, "optional_vars=", n.OptionalVars);
                    break;
                }
            case NodeKind.MatchCase:
                {
                    var n = (MatchCase)node;
                    _text.Append("match_case(");
                    NodeField(ref first, "pattern=", n.Pattern);
                    NodeField(ref first, "guard=", n.Guard);
                    NodeListField(ref first, "body=", n.Body);
                    break;
                }
            case NodeKind.MatchValue:
                {
                    var n = (MatchValue)node;
                    _text.Append("MatchValue(");
                    NodeField(ref first, "value=", n.Value);
                    break;
                }
            case NodeKind.MatchSingleton:
                {
                    var n = (MatchSingleton)node;
                    _text.Append("MatchSingleton(");
                    Separator(ref first).Append("value=");
                    WriteConstant(n.Value);
                    break;
                }
            case NodeKind.MatchSequence:
                {
                    var n = (MatchSequence)node;
                    _text.Append("MatchSequence(");
                    NodeListField(ref first, "patterns=", n.Patterns);
                    break;
                }
            case NodeKind.MatchMapping:
                {
                    var n = (MatchMapping)node;
                    _text.Append("MatchMapping(");
                    NodeListField(ref first, "keys=", n.Keys);
                    NodeListField(ref first, "patterns=", n.Patterns);
                    StringField(ref first, "rest=", n.Rest);
                    break;
                }
            case NodeKind.MatchClass:
                {
                    var n = (MatchClass)node;
                    _text.Append("MatchClass(");
                    NodeField(ref first, "cls=", n.Cls);
                    NodeListField(ref first, "patterns=", n.Patterns);
                    StringListField(ref first, "kwd_attrs=", n.KwdAttrs);
                    NodeListField(ref first, "kwd_patterns=", n.KwdPatterns);
                    break;
                }
            case NodeKind.MatchStar:
                {
                    var n = (MatchStar)node;
                    _text.Append("MatchStar(");
                    StringField(ref first, "name=", n.Name);
                    break;
                }
            case NodeKind.MatchAs:
                {
                    var n = (MatchAs)node;
                    _text.Append("MatchAs(");
                    NodeField(ref first, "pattern=", n.Pattern);
                    StringField(ref first, "name=", n.Name);
                    break;
                }
            case NodeKind.MatchOr:
                {
                    var n = (MatchOr)node;
                    _text.Append("MatchOr(");
                    NodeListField(ref first, "patterns=", n.Patterns);
                    break;
                }
            case NodeKind.TypeIgnore:
                {
                    var n = (TypeIgnore)node;
                    _text.Append("TypeIgnore(");
                    IntField(ref first, "lineno=", n.Lineno);
                    StringField(ref first, "tag=", n.Tag);
                    break;
                }
            case NodeKind.TypeVar:
                {
                    var n = (TypeVar)node;
                    _text.Append("TypeVar(");
                    StringField(ref first, "name=", n.Name);
                    NodeField(ref first, "bound=", n.Bound);
                    NodeField(ref first, "default_value=", n.DefaultValue);
                    break;
                }
            case NodeKind.ParamSpec:
                {
                    var n = (ParamSpec)node;
                    _text.Append("ParamSpec(");
                    StringField(ref first, "name=", n.Name);
                    NodeField(ref first, "default_value=", n.DefaultValue);
                    break;
                }
            case NodeKind.TypeVarTuple:
                {
                    var n = (TypeVarTuple)node;
                    _text.Append("TypeVarTuple(");
                    StringField(ref first, "name=", n.Name);
                    NodeField(ref first, "default_value=", n.DefaultValue);
                    break;
                }
            default:
                throw new InvalidOperationException("no dump for node kind " + node.NodeKind);
        }

        if (_includeAttributes && node is LocatedNode located)
        {
            IntField(ref first, "lineno=", located.Line);
            IntField(ref first, "col_offset=", located.Column);
            IntField(ref first, "end_lineno=", located.EndLine);
            IntField(ref first, "end_col_offset=", located.EndColumn);
        }

        _text.Append(')');
    }

    private StringBuilder Separator(ref bool first)
    {
        if (first)
        {
            first = false;
        }
        else
        {
            _text.Append(", ");
        }

        return _text;
    }

    private void NodeField(ref bool first, string name, Node? value)
    {
        if (value is null)
        {
            return;
        }

        Separator(ref first).Append(name);
        Write(value);
    }

    private void NodeListField<T>(ref bool first, string name, IReadOnlyList<T> values)
        where T : Node
    {
        if (values.Count == 0)
        {
            return;
        }

        Separator(ref first).Append(name).Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            Write(values[i]);
        }

        _text.Append(']');
    }

    // Dict.keys and arguments.kw_defaults hold None where a ** entry or a default is missing.
    private void NullableNodeListField(ref bool first, string name, IReadOnlyList<ExprNode?> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        Separator(ref first).Append(name).Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            if (values[i] is { } value)
            {
                Write(value);
            }
            else
            {
                _text.Append("None");
            }
        }

        _text.Append(']');
    }

    private void StringField(ref bool first, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        Separator(ref first).Append(name);
        PythonRepr.AppendString(_text, value);
    }

    private void StringListField(ref bool first, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        Separator(ref first).Append(name).Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            PythonRepr.AppendString(_text, values[i]);
        }

        _text.Append(']');
    }

    private void IntField(ref bool first, string name, int value) =>
        Separator(ref first).Append(name).Append(CultureInfo.InvariantCulture, $"{value}");

    private void EnumField(ref bool first, string name, string value) =>
        Separator(ref first).Append(name).Append(value).Append("()");

    private void CmpOperatorListField(ref bool first, string name, IReadOnlyList<CmpOperator> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        Separator(ref first).Append(name).Append('[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(", ");
            }

            _text.Append(CmpOperatorName(values[i])).Append("()");
        }

        _text.Append(']');
    }

    private void WriteConstant(object? value) => PythonRepr.AppendValue(_text, value);

    private static string ExprContextName(ExprContext value) => value switch
    {
        ExprContext.Load => "Load",
        ExprContext.Store => "Store",
        _ => "Del",
    };

    private static string BoolOperatorName(BoolOperator value) => value == BoolOperator.And ? "And" : "Or";

    private static string OperatorName(Operator value) => value switch
    {
        Operator.Add => "Add",
        Operator.Sub => "Sub",
        Operator.Mult => "Mult",
        Operator.MatMult => "MatMult",
        Operator.Div => "Div",
        Operator.Mod => "Mod",
        Operator.Pow => "Pow",
        Operator.LShift => "LShift",
        Operator.RShift => "RShift",
        Operator.BitOr => "BitOr",
        Operator.BitXor => "BitXor",
        Operator.BitAnd => "BitAnd",
        _ => "FloorDiv",
    };

    private static string UnaryOperatorName(UnaryOperator value) => value switch
    {
        UnaryOperator.Invert => "Invert",
        UnaryOperator.Not => "Not",
        UnaryOperator.UAdd => "UAdd",
        _ => "USub",
    };

    private static string CmpOperatorName(CmpOperator value) => value switch
    {
        CmpOperator.Eq => "Eq",
        CmpOperator.NotEq => "NotEq",
        CmpOperator.Lt => "Lt",
        CmpOperator.LtE => "LtE",
        CmpOperator.Gt => "Gt",
        CmpOperator.GtE => "GtE",
        CmpOperator.Is => "Is",
        CmpOperator.IsNot => "IsNot",
        CmpOperator.In => "In",
        _ => "NotIn",
    };
}
