using Xunit.Abstractions;

namespace Skillprint.Python.Tests.Conformance;

/// <summary>
/// Issue 3's done-criterion: over both standard libraries (site-packages left out), every file
/// CPython 3.13 accepts gives the same ast.dump, and every file it rejects is rejected at the line
/// it names. The summary (printed on failure and to the test output) counts agreeing files, groups
/// the differences and shows the first differing place of the first files.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StandardLibraryConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Python313StandardLibraryAgreesWithCPython() => CompareCorpus("3.13.0");

    [Fact]
    public void Python311StandardLibraryAgreesWithCPython() => CompareCorpus("3.11.7");

    private void CompareCorpus(string corpusVersion)
    {
        var python = CPython.Require(output.WriteLine);
        var folder = RepositoryPaths.StandardLibrary(corpusVersion);
        if (!Directory.Exists(folder))
        {
            Assert.Fail($"The {corpusVersion} standard library is not at {folder}; install it with pyenv (pyenv install {corpusVersion}).");
        }

        var expected = python.DumpAll([folder], skipDirs: ["site-packages"]);
        expected.Count.ShouldBeGreaterThan(1000, "the standard library should have well over 1000 .py files");

        var comparison = CorpusComparison.Run($"Python {corpusVersion} standard library ({folder}) against CPython {python.Version}", expected);

        var summary = comparison.Summary();
        output.WriteLine(summary);
        if (!comparison.AllAgree)
        {
            Assert.Fail(summary);
        }
    }
}
