namespace Skillprint.Cli.Tests;

/// <summary>The `skillprint` script at the root of the clone, run as a newcomer would.</summary>
public sealed class WrapperScriptTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public void The_root_script_builds_and_runs_the_command()
    {
        var script = Path.Combine(Repo.Root, "skillprint");
        File.Exists(script).ShouldBeTrue();

        var (code, output, error) = CliRunner.Exec(script, Repo.Root, null, "--help");

        code.ShouldBe(0, $"stdout:\n{output}\nstderr:\n{error}");
        output.ShouldContain("Usage:\n  skillprint [command] [options]");
        output.ShouldContain("status");
        output.ShouldContain("Examples:");
    }
}
