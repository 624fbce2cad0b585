using Skillprint.Python.Syntax;
using Attribute = Skillprint.Python.Syntax.Attribute;

namespace Skillprint.Core.Detection;

/// <summary>
/// What the names of one module stand for, as far as its imports say (python-skills.md, "How to
/// read a meaning"): a map from local names to qualified names, one per module.
/// <list type="bullet">
/// <item><c>import a.b.c</c> binds <c>a</c> to <c>a</c>; <c>import a.b as c</c> binds <c>c</c> to <c>a.b</c>.</item>
/// <item><c>from a import b as c</c> binds <c>c</c> to <c>a.b</c>; star imports bind nothing.</item>
/// <item>Relative imports are resolved against the package the file's folders make (a top folder
///   named <c>src</c> is not part of it): in <c>pkg/sub/mod.py</c> and in <c>pkg/sub/__init__.py</c>,
///   <c>.</c> is <c>pkg.sub</c> and <c>..</c> is <c>pkg</c>. An import that climbs above the top
///   folder binds nothing.</item>
/// <item>Imports anywhere count, inside functions too; when two imports bind one name, the first wins.</item>
/// <item>A name no import binds is the builtin of that name (<c>builtins.open</c>) only when it is a
///   builtin and the module binds it nowhere else: no def, class, parameter, assignment, loop,
///   <c>with</c>/<c>except</c> target, comprehension variable, match capture or type parameter of
///   that name anywhere in the module, at any depth. Deliberately simple: one map per module, no
///   scopes, no flow.</item>
/// </list>
/// </summary>
public sealed class ModuleScope
{
    private readonly Dictionary<string, string> _bindings;
    private readonly HashSet<string> _localNames;
    private readonly string[] _package;

    private ModuleScope(string[] package, Dictionary<string, string> bindings, HashSet<string> localNames)
    {
        _package = package;
        _bindings = bindings;
        _localNames = localNames;
        Package = string.Join('.', package);
    }

    /// <summary>The dotted package the module's relative imports start from ("" for a file at the top).</summary>
    public string Package { get; }

    /// <summary>Local name → qualified name, for every name an import binds.</summary>
    public IReadOnlyDictionary<string, string> Bindings => _bindings;

    /// <summary>Builds the scope of a module found at a path relative to the scanned root.</summary>
    public static ModuleScope Build(Module module, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(relativePath);
        var scope = new ModuleScope(PackageOf(relativePath), new Dictionary<string, string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        new BindingCollector(scope).Visit(module);
        return scope;
    }

    /// <summary>
    /// The package segments of a file: its folders, without a top folder named <c>src</c>
    /// (<c>src/pkg/sub/mod.py</c> → <c>pkg</c>, <c>sub</c>).
    /// </summary>
    public static string[] PackageOf(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var parts = relativePath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var folders = parts.Length == 0 ? [] : parts[..^1].Where(part => part != ".").ToArray();
        return folders.Length > 0 && string.Equals(folders[0], "src", StringComparison.Ordinal) ? folders[1..] : folders;
    }

    /// <summary>True when the module binds the name other than by an import (so it is not the builtin).</summary>
    public bool BindsLocally(string name) => _localNames.Contains(name);

    /// <summary>
    /// The qualified name a plain name stands for: its import binding, else <c>builtins.name</c> for
    /// an unshadowed builtin, else null.
    /// </summary>
    public string? ResolveName(string name)
    {
        if (_bindings.TryGetValue(name, out var qualified))
        {
            return qualified;
        }

        return IsBuiltin(name) ? "builtins." + name : null;
    }

    /// <summary>True when the plain name is the builtin of that name here (not imported, not bound).</summary>
    public bool IsBuiltin(string name) =>
        PythonBuiltins.Names.Contains(name) && !_bindings.ContainsKey(name) && !_localNames.Contains(name);

    /// <summary>
    /// The qualified name of a Name or an Attribute chain whose root is a Name (<c>aio.Queue</c> →
    /// <c>asyncio.Queue</c> after <c>import asyncio as aio</c>), or null when its root is not bound
    /// by an import and is not a builtin, or the expression is anything else.
    /// </summary>
    public string? Resolve(ExprNode? expr)
    {
        var length = 0;
        var node = expr;
        while (node is Attribute attribute)
        {
            length += attribute.Attr.Length + 1;
            node = attribute.Value;
        }

        if (node is not Name root || ResolveName(root.Id) is not { } rootName)
        {
            return null;
        }

        return length == 0 ? rootName : Qualify(rootName, expr!, length);
    }

    /// <summary>
    /// The qualified name of a class base as "subclasses" reads it: a subscripted base counts as
    /// its value (<c>Generic[T]</c> → <c>typing.Generic</c>).
    /// </summary>
    public string? ResolveBase(ExprNode expr) => Resolve(expr is Subscript subscript ? subscript.Value : expr);

    /// <summary>The module a <c>from</c> import reads from, with relative levels resolved; null when it climbs too high.</summary>
    public string? ResolveFromModule(ImportFrom node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return ResolveRelative(node.Level, node.Module);
    }

    /// <summary>
    /// The absolute module of a relative import of this module: level 1 is the package itself,
    /// each further level one package up. Level 0 returns the module unchanged. Null when the
    /// import climbs above the top folder.
    /// </summary>
    public string? ResolveRelative(int level, string? module)
    {
        if (level <= 0)
        {
            return module ?? string.Empty;
        }

        var keep = _package.Length - (level - 1);
        if (keep < 0)
        {
            return null;
        }

        var basePackage = string.Join('.', _package, 0, keep);
        if (string.IsNullOrEmpty(module))
        {
            return basePackage;
        }

        return basePackage.Length == 0 ? module : basePackage + "." + module;
    }

    /// <summary>Writes the root's qualified name followed by the chain's attributes, in one allocation.</summary>
    internal static string Qualify(string rootName, ExprNode chain, int attributesLength) =>
        string.Create(rootName.Length + attributesLength, (rootName, chain), static (span, state) =>
        {
            var position = span.Length;
            var node = state.chain;
            while (node is Attribute attribute)
            {
                position -= attribute.Attr.Length;
                attribute.Attr.AsSpan().CopyTo(span[position..]);
                span[--position] = '.';
                node = attribute.Value;
            }

            state.rootName.AsSpan().CopyTo(span);
        });

    private void BindImport(string local, string qualified) => _bindings.TryAdd(local, qualified);

    /// <summary>One pass over the module that records import bindings and every other binding of a name.</summary>
    private sealed class BindingCollector(ModuleScope scope) : SyntaxWalker
    {
        public override void Visit(Node? node)
        {
            switch (node)
            {
                case null:
                    return;
                case Name { Ctx: not ExprContext.Load } name:
                    scope._localNames.Add(name.Id);
                    break;
                case FunctionDef function:
                    scope._localNames.Add(function.Name);
                    break;
                case AsyncFunctionDef function:
                    scope._localNames.Add(function.Name);
                    break;
                case ClassDef classDef:
                    scope._localNames.Add(classDef.Name);
                    break;
                case Arg arg:
                    scope._localNames.Add(arg.Name);
                    break;
                case ExceptHandler { Name: { } handlerName }:
                    scope._localNames.Add(handlerName);
                    break;
                case MatchAs { Name: { } captured }:
                    scope._localNames.Add(captured);
                    break;
                case MatchStar { Name: { } starred }:
                    scope._localNames.Add(starred);
                    break;
                case MatchMapping { Rest: { } rest }:
                    scope._localNames.Add(rest);
                    break;
                case TypeVar typeVar:
                    scope._localNames.Add(typeVar.Name);
                    break;
                case ParamSpec paramSpec:
                    scope._localNames.Add(paramSpec.Name);
                    break;
                case TypeVarTuple typeVarTuple:
                    scope._localNames.Add(typeVarTuple.Name);
                    break;
                case Import import:
                    foreach (var alias in import.Names)
                    {
                        if (alias.Asname is { } asName)
                        {
                            scope.BindImport(asName, alias.Name);
                        }
                        else
                        {
                            var dot = alias.Name.IndexOf('.', StringComparison.Ordinal);
                            var first = dot < 0 ? alias.Name : alias.Name[..dot];
                            scope.BindImport(first, first);
                        }
                    }

                    return;
                case ImportFrom from:
                    if (scope.ResolveFromModule(from) is { } source)
                    {
                        foreach (var alias in from.Names)
                        {
                            if (!string.Equals(alias.Name, "*", StringComparison.Ordinal))
                            {
                                scope.BindImport(alias.Asname ?? alias.Name, source.Length == 0 ? alias.Name : source + "." + alias.Name);
                            }
                        }
                    }

                    return;
            }

            base.Visit(node);
        }
    }
}
