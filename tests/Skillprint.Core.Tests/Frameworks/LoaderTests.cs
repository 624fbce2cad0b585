using System.Diagnostics;
using Skillprint.Core.Detection;
using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Tests.Frameworks;

/// <summary>Loading from the places frameworks come from, and what cannot be read.</summary>
public sealed class LoaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("skillprint-loader-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void CopyExample()
    {
        foreach (var file in Directory.GetFiles(FixtureFolders.Example, "*", SearchOption.AllDirectories))
        {
            var target = Path.Join(folder, Path.GetRelativePath(FixtureFolders.Example, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void A_missing_folder_is_an_error_not_an_exception()
    {
        var missing = Path.Join(folder, "nowhere");

        var result = FrameworkLoader.LoadFolder(missing);

        result.Framework.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe($"the framework folder '{missing}' does not exist");
    }

    [Fact]
    public void Errors_show_the_path_as_the_user_gave_it()
    {
        CopyExample();
        File.WriteAllText(Path.Join(folder, "roles", "backend-developer.yaml"), "id: backend-developer\nname: Backend\ntracks: [frontend]\n");

        var error = FrameworkLoader.LoadFolder(folder).Errors.ShouldHaveSingleItem();

        error.ToString().ShouldBe("roles/backend-developer.yaml:3:10: unknown track 'frontend' in 'tracks' (framework.yaml declares: backend, api, data)");
        error.ToDisplayString().ShouldBe(
            $"{Path.Join(folder, "roles", "backend-developer.yaml")}:3:10: unknown track 'frontend' in 'tracks' (framework.yaml declares: backend, api, data)");
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_named_in_an_error()
    {
        CopyExample();
        File.WriteAllBytes(Path.Join(folder, "roadmaps", "python-80-20.yaml"), [0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]);

        var result = FrameworkLoader.LoadFolder(folder);

        result.Errors.Select(e => e.ToString()).ShouldBe(["roadmaps/python-80-20.yaml: this file is not valid UTF-8 text"]);
    }

    [Fact]
    public void A_file_removed_while_loading_is_named_in_an_error()
    {
        CopyExample();
        var source = new FolderFrameworkSource(folder);
        source.ListFiles().Files.ShouldContain("topics/data.md");

        File.Delete(Path.Join(folder, "topics", "data.md"));

        source.Read("topics/data.md").Problem.ShouldBe("was removed while the framework was being loaded");
    }

    [Fact]
    public void Hidden_files_and_notes_beside_framework_yaml_are_not_part_of_the_framework()
    {
        CopyExample();
        Directory.CreateDirectory(Path.Join(folder, ".git"));
        File.WriteAllText(Path.Join(folder, ".git", "config"), "[core]\n");
        File.WriteAllText(Path.Join(folder, "topics", ".async.md.swp"), "binary");

        FrameworkLoader.LoadFolder(folder).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_ends_are_accepted()
    {
        CopyExample();
        var topic = Path.Join(folder, "topics", "async.md");
        File.WriteAllText(topic, "\uFEFF" + File.ReadAllText(topic).Replace("\n", "\r\n", StringComparison.Ordinal));

        var result = FrameworkLoader.LoadFolder(folder);

        result.Errors.ShouldBeEmpty();
        result.Framework!.FindTopic("async")!.Body.ShouldStartWith("# Async Programming\n\n");
    }

    [Fact]
    // CPython 3.13, the version the parser follows; 3.14's template strings are not in it yet.
    public void Every_node_name_a_rule_may_use_is_a_class_of_cpythons_ast_module()
    {
        var python = Process.Start(new ProcessStartInfo("python3", ["-c", "import ast, sys; print('\\n'.join(n for n in sys.stdin.read().split() if not (isinstance(getattr(ast, n, None), type) and issubclass(getattr(ast, n), ast.AST))))"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            Environment = { ["PYENV_VERSION"] = "3.13.0" },
        })!;
        python.StandardInput.Write(string.Join(' ', AstNodeNames.Kinds.Keys.Order(StringComparer.Ordinal)));
        python.StandardInput.Close();
        var notInAst = python.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        python.WaitForExit();

        python.ExitCode.ShouldBe(0);
        notInAst.ShouldNotContain("TypeAlias", "the python3 run must be CPython 3.13 (PYENV_VERSION=3.13.0)");
        notInAst.Where(name => name is not "TemplateStr" and not "Interpolation").ShouldBeEmpty();
        AstNodeNames.Kinds.Keys.ShouldContain("comprehension");
        AstNodeNames.Kinds.Keys.ShouldContain("AsyncWith");
    }
}
