using Skillprint.Python.Syntax;

namespace Skillprint.Python.Tests.Parsing;

/// <summary>
/// After a syntax error the parser skips to the next statement and goes on: the module keeps every
/// statement that parsed, and each broken statement leaves one diagnostic at its line. A parse that
/// ends in an internal parser error (a bug of ours, reported as a diagnostic) fails every test here.
/// </summary>
public sealed class ParserRecoveryTests
{
    [Fact]
    public void BrokenStatementBetweenGoodOnesLeavesBoth()
    {
        var result = PythonParser.Parse("a = 1\nb = = 2\nc = 3\n");
        Recovery.ShouldHaveNoInternalError(result);
        TreeShape.Of(result.Module).ShouldBe("Module Assign Name Constant Assign Name Constant");
        result.Diagnostics.Count.ShouldBe(1);
        result.Diagnostics[0].Line.ShouldBe(2);
    }

    [Fact]
    public void EachBrokenStatementIsReportedOnItsOwnLine()
    {
        var result = PythonParser.Parse("f() = 1\nok = 1\nprint 'x'\nalso_ok()\n");
        Recovery.ShouldHaveNoInternalError(result);
        TreeShape.Of(result.Module).ShouldBe("Module Assign Name Constant Expr Call Name");
        result.Diagnostics.Select(d => d.Line).ShouldBe([1, 3]);
    }

    [Fact]
    public void BrokenStatementInsideAFunctionKeepsTheFunctionAndItsOtherStatements()
    {
        var source = "def f():\n    x = 1\n    y = (\n    return x\n\ndef g():\n    pass\n";
        var result = PythonParser.Parse(source);
        Recovery.ShouldHaveNoInternalError(result);
        result.Success.ShouldBeFalse();
        result.Module.Body.Count.ShouldBeGreaterThanOrEqualTo(1);
        result.Module.Body[0].ShouldBeOfType<FunctionDef>().Name.ShouldBe("f");
    }

    [Fact]
    public void BrokenBlockHeaderDropsItsBodyButNotWhatFollows()
    {
        var result = PythonParser.Parse("if x y:\n    a = 1\n    b = 2\nc = 3\n");
        Recovery.ShouldHaveNoInternalError(result);
        TreeShape.Of(result.Module).ShouldBe("Module Assign Name Constant");
        result.Diagnostics[0].ShouldBe(new Diagnostic(1, 5, "invalid syntax"));
    }

    [Fact]
    public void BrokenStatementInANestedBlockKeepsTheEnclosingStatement()
    {
        var result = PythonParser.Parse("for i in x:\n    a = 1\n    b = )\n    c = 3\nd = 4\n");
        Recovery.ShouldHaveNoInternalError(result);
        TreeShape.Of(result.Module).ShouldBe("Module For Name Name Assign Name Constant Assign Name Constant Assign Name Constant");
        result.Diagnostics.Count.ShouldBe(1);
    }

    [Fact]
    public void UnexpectedIndentKeepsTheIndentedStatements()
    {
        var result = PythonParser.Parse("a = 1\n    b = 2\nc = 3\n");
        Recovery.ShouldHaveNoInternalError(result);
        TreeShape.Of(result.Module).ShouldBe("Module Assign Name Constant Assign Name Constant Assign Name Constant");
        result.Diagnostics[0].Message.ShouldBe("unexpected indent");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData(")))")]
    [InlineData("def")]
    [InlineData("class A(")]
    [InlineData("match x:\n")]
    [InlineData("f'{")]
    [InlineData("@\n")]
    [InlineData("lambda")]
    [InlineData("x = [1,\n")]
    [InlineData("try:\n")]
    [InlineData("\t\t)\n  ]\x00")]
    public void GarbageGivesATreeAndDiagnosticsNeverAnException(string source)
    {
        Recovery.ShouldHaveRecovered(PythonParser.Parse(source), source);
    }

    [Fact]
    public void AnInternalParserErrorIsNotARecovery()
    {
        // What the parser returns when a bug of its own throws: an empty module and one diagnostic.
        // It is a tree with a diagnostic, so only the diagnostic's message tells it from a recovery.
        var crashed = new ParseResult(
            new Module([], []),
            [new Diagnostic(1, 0, "internal parser error: Index was outside the bounds of the array.")]);

        Should.Throw<ShouldAssertException>(() => Recovery.ShouldHaveRecovered(crashed, ")))"))
            .Message.ShouldContain("internal parser error");
    }

    [Theory]
    [InlineData(100_000, "-")]
    [InlineData(5_000, "lambda: ")]
    [InlineData(5_000, "not ")]
    [InlineData(1_000, "(")]
    [InlineData(1_000, "[")]
    [InlineData(500, "f'{")]
    public void DeepNestingIsBoundedWithADiagnostic(int count, string piece)
    {
        var source = "x = " + string.Concat(Enumerable.Repeat(piece, count)) + "1\n";
        var result = PythonParser.Parse(source);
        Recovery.ShouldHaveNoInternalError(result);
        result.Success.ShouldBeFalse();
        result.Diagnostics[0].Line.ShouldBe(1);
    }

    [Theory]
    [InlineData("a + ")]
    [InlineData("f(")]
    [InlineData("[")]
    [InlineData("x = (")]
    [InlineData("if x:\n  ")]
    public void WorkGrowsLinearlyWithInputAlsoWhenItIsBroken(string piece)
    {
        // Four times the input may cost about four times the work, never sixteen (quadratic). Work is
        // counted as bytes allocated on this thread, which is deterministic where a clock is not; every
        // re-parse of a stretch of tokens builds its nodes again, so backtracking shows up here.
        // Buffers that grow by doubling can make four times the input allocate up to eight times as
        // much; quadratic work would be sixteen. Throughput is measured by bench/Skillprint.Bench.
        var small = AllocatedBy(string.Concat(Enumerable.Repeat(piece, 20_000)) + "a\n");
        var large = AllocatedBy(string.Concat(Enumerable.Repeat(piece, 80_000)) + "a\n");
        large.ShouldBeLessThan(small * 10);
    }

    private static long AllocatedBy(string source)
    {
        // A parse that stopped on a bug of its own would be cheap for the wrong reason.
        Recovery.ShouldHaveNoInternalError(PythonParser.Parse(source));
        var before = GC.GetAllocatedBytesForCurrentThread();
        PythonParser.Parse(source);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
