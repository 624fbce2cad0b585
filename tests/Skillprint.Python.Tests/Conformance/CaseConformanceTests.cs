using Xunit.Abstractions;

namespace Skillprint.Python.Tests.Conformance;

/// <summary>
/// Small hand-written files, one per grammar feature, in Cases/*.py: CPython (through
/// tools/cpython_ast_dump.py) gives the expected dump at test time. Each case is compared twice:
/// the plain dump, and the dump with positions (include_attributes=True), so every node's span is
/// checked against CPython's too. Cases CPython rejects (error_*.py) must be rejected at its line.
/// Cases314/*.py are Python 3.14 syntax that this CPython cannot check; their expected dumps, in
/// 3.14's format, are the .dump files beside them.
/// </summary>
public sealed class CaseConformanceTests(ITestOutputHelper output)
{
    private static readonly string CasesFolder = Path.Combine(RepositoryPaths.ConformanceFolder, "Cases");
    private static readonly string Cases314Folder = Path.Combine(RepositoryPaths.ConformanceFolder, "Cases314");

    private static readonly Lazy<Dictionary<string, CPythonResult>> Plain = new(() => AskCPython(attributes: false));
    private static readonly Lazy<Dictionary<string, CPythonResult>> WithPositions = new(() => AskCPython(attributes: true));

    public static TheoryData<string> Cases() => Names(CasesFolder, "*.py");

    public static TheoryData<string> Cases314() => Names(Cases314Folder, "*.py");

    [Theory]
    [MemberData(nameof(Cases))]
    public void CaseAgreesWithCPython(string name)
    {
        CPython.Require(output.WriteLine);
        Check(Plain.Value[name], attributes: false);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CasePositionsAgreeWithCPython(string name)
    {
        CPython.Require(output.WriteLine);
        var expected = WithPositions.Value[name];
        Check(expected, attributes: true);
    }

    [Theory]
    [MemberData(nameof(Cases314))]
    public void Python314CaseGivesTheHandWrittenDump(string name)
    {
        var path = Path.Combine(Cases314Folder, name);
        var expectedDump = File.ReadAllText(Path.ChangeExtension(path, ".dump")).Trim();
        var expected = new CPythonResult(path, true, expectedDump, null, null, null);

        Check(expected, attributes: false);
    }

    [Fact]
    public void ThereIsACaseForEveryGrammarFeatureOfTheIssue()
    {
        string[] features =
        [
            "decorators", "async_forms", "walrus", "parameters", "star_expressions", "match_patterns",
            "except_star", "pep695", "pep646", "fstrings", "scopes_and_simple_statements",
            "comparisons_and_operators", "lambdas", "slices", "comprehensions", "yield_await", "literals",
        ];

        var present = Directory.EnumerateFiles(CasesFolder, "*.py").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        features.Where(f => !present.Contains(f + ".py")).ShouldBeEmpty();
        present.Count.ShouldBeGreaterThan(features.Length);
    }

    private void Check(CPythonResult expected, bool attributes)
    {
        var comparison = FileComparison.Compare(expected, File.ReadAllBytes(expected.Path), attributes);
        if (comparison.Agreement != Agreement.Agree)
        {
            var source = File.ReadAllText(expected.Path);
            var message = comparison.Describe() + "\nsource:\n" + source +
                (expected.Ok ? "\nexpected dump:\n" + expected.Dump + "\nour dump:\n" + (comparison.OurDump ?? "(none: we rejected it)") : "");
            output.WriteLine(message);
            Assert.Fail(message);
        }
    }

    private static Dictionary<string, CPythonResult> AskCPython(bool attributes)
    {
        var python = CPython.Require(_ => { });
        return python.DumpAll([CasesFolder], attributes).ToDictionary(r => Path.GetFileName(r.Path), StringComparer.Ordinal);
    }

    private static TheoryData<string> Names(string folder, string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(folder, pattern).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
