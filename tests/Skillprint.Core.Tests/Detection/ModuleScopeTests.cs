using Skillprint.Core.Detection;
using Skillprint.Python;
using Skillprint.Python.Syntax;

namespace Skillprint.Core.Tests.Detection;

public sealed class ModuleScopeTests
{
    [Theory]
    [InlineData("import a.b.c", "a", "a")]
    [InlineData("import a.b as c", "c", "a.b")]
    [InlineData("from a import b as c", "c", "a.b")]
    [InlineData("from a.b import c", "c", "a.b.c")]
    [InlineData("import asyncio as aio", "aio", "asyncio")]
    [InlineData("def f():\n    from asyncio import Queue as Q\n", "Q", "asyncio.Queue")]
    [InlineData("try:\n    import json\nexcept ImportError:\n    import simplejson as json\n", "json", "json")]
    public void Imports_bind_local_names_to_qualified_names(string source, string local, string qualified)
    {
        Scope(source).Bindings[local].ShouldBe(qualified);
    }

    [Fact]
    public void Star_imports_bind_nothing()
    {
        Scope("from os.path import *\n").Bindings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("pkg/sub/mod.py", "from . import models", "models", "pkg.sub.models")]
    [InlineData("pkg/sub/mod.py", "from .models import User", "User", "pkg.sub.models.User")]
    [InlineData("pkg/sub/mod.py", "from .. import x", "x", "pkg.x")]
    [InlineData("pkg/sub/mod.py", "from ..core.db import engine", "engine", "pkg.core.db.engine")]
    [InlineData("pkg/__init__.py", "from . import api", "api", "pkg.api")]
    [InlineData("pkg/sub/__init__.py", "from .. import x", "x", "pkg.x")]
    [InlineData("src/pkg/sub/mod.py", "from . import models", "models", "pkg.sub.models")]
    [InlineData("src/pkg/__init__.py", "from .version import __version__", "__version__", "pkg.version.__version__")]
    [InlineData("script.py", "from . import helpers", "helpers", "helpers")]
    [InlineData("pkg\\sub\\mod.py", "from . import models", "models", "pkg.sub.models")]
    public void Relative_imports_resolve_against_the_package_the_folders_make(string path, string source, string local, string qualified)
    {
        Scope(source + "\n", path).Bindings[local].ShouldBe(qualified);
    }

    [Fact]
    public void A_relative_import_that_climbs_above_the_top_folder_binds_nothing()
    {
        var scope = Scope("from ... import x\n", "pkg/mod.py");
        scope.Bindings.ContainsKey("x").ShouldBeFalse();
        scope.ResolveName("x").ShouldBeNull();
    }

    [Theory]
    [InlineData("import asyncio as aio\naio.Queue\n", "asyncio.Queue")]
    [InlineData("from asyncio import Queue as Q\nQ.put\n", "asyncio.Queue.put")]
    [InlineData("import a.b.c\na.b.c.D\n", "a.b.c.D")]
    [InlineData("open\n", "builtins.open")]
    [InlineData("print.__doc__\n", "builtins.print.__doc__")]
    public void Resolves_names_and_attribute_chains(string source, string expected)
    {
        var (scope, module) = ScopeAndModule(source);
        var expression = ((Expr)module.Body[^1]).Value;
        scope.Resolve(expression).ShouldBe(expected);
    }

    [Theory]
    [InlineData("x = foo.bar\n")]
    [InlineData("x = self.y\n")]
    [InlineData("x = f().y\n")]
    [InlineData("x = a[0].b\n")]
    public void Names_no_import_binds_and_no_builtin_resolve_to_nothing(string source)
    {
        var (scope, module) = ScopeAndModule(source);
        scope.Resolve(((Assign)module.Body[^1]).Value).ShouldBeNull();
    }

    [Theory]
    [InlineData("property = 1\n")]
    [InlineData("def property(f):\n    return f\n")]
    [InlineData("class property:\n    pass\n")]
    [InlineData("def f(property):\n    pass\n")]
    [InlineData("def f():\n    for property in xs:\n        pass\n")]
    [InlineData("with x as property:\n    pass\n")]
    [InlineData("try:\n    pass\nexcept E as property:\n    pass\n")]
    [InlineData("ys = [property for property in xs]\n")]
    [InlineData("if (property := 1):\n    pass\n")]
    [InlineData("match x:\n    case [*property]:\n        pass\n")]
    [InlineData("def f[property]():\n    pass\n")]
    public void A_builtin_bound_anywhere_in_the_module_is_shadowed(string source)
    {
        var scope = Scope(source);
        scope.BindsLocally("property").ShouldBeTrue();
        scope.ResolveName("property").ShouldBeNull();
        scope.ResolveName("open").ShouldBe("builtins.open");
    }

    [Fact]
    public void A_builtin_name_an_import_binds_resolves_through_the_import()
    {
        var scope = Scope("from mylib import property\n");
        scope.ResolveName("property").ShouldBe("mylib.property");
        scope.IsBuiltin("property").ShouldBeFalse();
    }

    [Fact]
    public void A_subscripted_base_counts_as_its_value()
    {
        var (scope, module) = ScopeAndModule("from typing import Generic\nclass Box(Generic[T]):\n    pass\n");
        var classDef = (ClassDef)module.Body[^1];
        scope.ResolveBase(classDef.Bases[0]).ShouldBe("typing.Generic");
        scope.Resolve(classDef.Bases[0]).ShouldBeNull();
    }

    [Theory]
    [InlineData("pkg/sub/mod.py", "pkg.sub")]
    [InlineData("pkg/__init__.py", "pkg")]
    [InlineData("src/pkg/mod.py", "pkg")]
    [InlineData("mod.py", "")]
    [InlineData("lib/src/pkg/mod.py", "lib.src.pkg")]
    public void The_package_comes_from_the_folders(string path, string package)
    {
        Scope("\n", path).Package.ShouldBe(package);
    }

    private static ModuleScope Scope(string source, string path = "app.py") => ScopeAndModule(source, path).Scope;

    private static (ModuleScope Scope, Module Module) ScopeAndModule(string source, string path = "app.py")
    {
        var parsed = PythonParser.Parse(source);
        parsed.Diagnostics.ShouldBeEmpty();
        return (ModuleScope.Build(parsed.Module, path), parsed.Module);
    }
}
