namespace Skillprint.Cli.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Main_with_no_arguments_returns_zero() => Program.Main([]).ShouldBe(0);
}
