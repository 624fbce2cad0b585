using Skillprint.Python.Lexing;

namespace Skillprint.Python.Tests.Lexing;

/// <summary>
/// Our tokens against CPython 3.13's tokenizer (tools/cpython_tokens.py) over standard-library files chosen for
/// their variety: f-strings of every kind, PEP 695, match, tabs, non-ASCII names and strings, other encodings.
/// </summary>
public sealed class CPythonTokenComparisonTests
{
    private static readonly string[] Files =
    [
        "ast.py", "typing.py", "inspect.py", "dataclasses.py", "argparse.py", "tokenize.py", "textwrap.py",
        "difflib.py", "_pydecimal.py", "functools.py", "enum.py", "subprocess.py", "string.py", "pathlib/_local.py",
        "asyncio/tasks.py", "json/decoder.py", "re/_parser.py", "email/_header_value_parser.py",
        "collections/__init__.py", "logging/__init__.py", "unittest/mock.py", "xml/etree/ElementTree.py",
        "test/test_fstring.py", "test/test_type_params.py", "test/test_grammar.py", "test/test_patma.py",
        "test/test_string_literals.py", "test/test_tokenize.py", "test/test_utf8source.py",
        "test/test_unicode_identifiers.py", "test/encoded_modules/module_koi8_r.py",
        "test/encoded_modules/module_iso_8859_1.py",
    ];

    [Fact]
    [Trait("Category", "Slow")]
    public void Tokens_match_CPython_3_13_over_standard_library_files()
    {
        CPythonTokens.FindPython313().ShouldNotBeNull(CPythonTokens.MissingPython);
        string stdlib = CPythonTokens.StandardLibrary313();
        var paths = Files.Select(f => Path.Combine(stdlib, f)).ToList();
        var expected = CPythonTokens.Read(paths);
        expected.Count.ShouldBe(paths.Count);

        var differences = new List<string>();
        foreach (var file in expected)
        {
            file.Error.ShouldBeNull($"CPython could not tokenize {file.Path}");
            var decoded = SourceDecoder.Decode(File.ReadAllBytes(file.Path));
            decoded.Diagnostics.ShouldBeEmpty(file.Path);
            var lexed = Lexer.Tokenize(decoded.Text);
            string? difference = CPythonTokens.FirstDifference(file.Path, lexed, file.Rows);
            if (difference != null)
            {
                differences.Add(difference);
            }
            else
            {
                lexed.Diagnostics.ShouldBeEmpty(file.Path);
            }
        }

        differences.ShouldBeEmpty();
    }
}
