namespace Skillprint.Cli.Tests;

/// <summary>
/// The `skillprint` script at the root of the clone, run as a newcomer would. It builds into
/// artifacts/skillprint-cli/ of this clone; the tests below remove the built command or age the build's
/// stamp to see the script build again, which msbuild then does incrementally.
/// </summary>
public sealed class WrapperScriptTests
{
    private static readonly string Script = Path.Combine(Repo.Root, "skillprint");
    private static readonly string Built = Path.Combine(Repo.Root, "artifacts", "skillprint-cli");

    private static (int Code, string Out, string Error) RunScript(params string[] args)
    {
        var (code, output, error) = CliRunner.Exec(Script, Repo.Root, null, args);
        code.ShouldBe(0, $"stdout:\n{output}\nstderr:\n{error}");
        return (code, output, error);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void The_root_script_builds_and_runs_the_command()
    {
        File.Exists(Script).ShouldBeTrue();

        var (_, output, _) = RunScript("--help");

        output.ShouldContain("Usage:\n  skillprint [command] [options]");
        output.ShouldContain("status");
        output.ShouldContain("Examples:");
    }

    [Fact]
    public void The_first_build_is_announced_on_stderr_and_a_run_without_a_build_says_nothing()
    {
        RunScript("--version");
        File.Delete(Path.Combine(Built, "cli", "skillprint.dll"));

        var first = RunScript("--version");
        var again = RunScript("--version");

        first.Error.ShouldBe("skillprint: building the command (first run, about a minute)...\n");
        first.Out.ShouldNotBeEmpty();
        again.Error.ShouldBeEmpty();
        again.Out.ShouldBe(first.Out);
    }

    [Fact]
    public void A_rebuild_after_a_source_changed_is_announced_on_stderr()
    {
        RunScript("--version");
        File.SetLastWriteTimeUtc(Path.Combine(Built, "built.stamp"), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var rebuilt = RunScript("--version");

        rebuilt.Error.ShouldBe("skillprint: building the command again (a source file is newer than the last build)...\n");
        RunScript("--version").Error.ShouldBeEmpty();
    }
}
