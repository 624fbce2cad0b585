using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Skillprint.Core.Tests.Detection;
using Skillprint.Python;

namespace Skillprint.Core.Tests.Content;

/// <summary>
/// Every Python code block of the built-in framework (topic bodies, cards, tasks and challenges)
/// is valid Python: our parser accepts it, and so does CPython 3.13, except the blocks fenced as
/// <c>```python 3.14</c>, which only our parser checks (and which CPython 3.13 must reject, so
/// that the mark is not put on code that older versions run).
/// </summary>
public sealed partial class ContentCodeBlockTests
{
    private const string Marked314 = "3.14";

    [Fact]
    public void The_framework_has_python_code_blocks_and_marks_them_only_with_3_14()
    {
        var blocks = CodeBlocks();
        blocks.Count.ShouldBeGreaterThanOrEqualTo(30);
        blocks.Where(block => block.Mark is not ("" or Marked314)).Select(block => $"{block.Where}: python {block.Mark}").ShouldBeEmpty();
        blocks.ShouldContain(block => block.Mark == Marked314);
    }

    [Fact]
    public void Every_code_block_parses_with_our_parser()
    {
        var failures = CodeBlocks()
            .Select(block => (block, result: PythonParser.Parse(block.Code)))
            .Where(pair => !pair.result.Success)
            .Select(pair => $"{pair.block.Where}: {pair.result.Diagnostics[0]}");
        failures.ShouldBeEmpty();
    }

    [Fact]
    public void Every_code_block_not_marked_for_3_14_parses_with_cpython_3_13_and_every_marked_one_does_not()
    {
        var blocks = CodeBlocks();
        var verdicts = CPythonVerdicts(blocks.Select(block => block.Code).ToList());

        blocks.Zip(verdicts).Where(pair => pair.First.Mark != Marked314 && pair.Second != "ok")
            .Select(pair => $"{pair.First.Where}: {pair.Second}").ShouldBeEmpty();
        blocks.Zip(verdicts).Where(pair => pair.First.Mark == Marked314 && pair.Second == "ok")
            .Select(pair => $"{pair.First.Where} is marked {Marked314} but CPython 3.13 parses it").ShouldBeEmpty();
    }

    private static List<(string Where, string Mark, string Code)> CodeBlocks()
    {
        var framework = BuiltIn.Framework;
        var texts = framework.Topics.Select(topic => ($"topics/{topic.Id}.md", topic.Body))
            .Concat(framework.Cards.Select(card => ($"card {card.Id}", $"{card.Question}\n{card.Answer}")))
            .Concat(framework.Tasks.Select(task => ($"task {task.Id}", $"{task.Description}\n{string.Join('\n', task.Acceptance)}")))
            .Concat(framework.Challenges.Select(challenge => ($"challenge {challenge.Id}", $"{challenge.Description}\n{string.Join('\n', challenge.Acceptance)}")));
        var blocks = new List<(string, string, string)>();
        foreach (var (where, text) in texts)
        {
            var n = 0;
            foreach (Match match in Fence().Matches(text.ReplaceLineEndings("\n")))
            {
                n++;
                blocks.Add(($"{where} block {n}", match.Groups["mark"].Value.Trim(), match.Groups["code"].Value));
            }
        }

        return blocks;
    }

    /// <summary>For each source, "ok" or CPython 3.13's SyntaxError as "line N: message".</summary>
    private static List<string> CPythonVerdicts(List<string> sources)
    {
        const string script = """
            import ast, json, sys
            print(json.dumps(list(sys.version_info[:2])))
            for source in json.load(sys.stdin):
                try:
                    ast.parse(source)
                    print(json.dumps("ok"))
                except SyntaxError as error:
                    print(json.dumps(f"line {error.lineno}: {error.msg}"))
            """;
        var start = new ProcessStartInfo("python3", ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PYENV_VERSION"] = "3.13.0" },
        };
        using var python = Process.Start(start)!;
        python.StandardInput.Write(JsonSerializer.Serialize(sources));
        python.StandardInput.Close();
        var lines = python.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var errors = python.StandardError.ReadToEnd();
        python.WaitForExit();

        python.ExitCode.ShouldBe(0, errors);
        JsonSerializer.Deserialize<int[]>(lines[0]).ShouldBe([3, 13], "the python3 run must be CPython 3.13 (PYENV_VERSION=3.13.0)");
        return lines.Skip(1).Select(line => JsonSerializer.Deserialize<string>(line)!).ToList();
    }

    [GeneratedRegex(@"^```python(?<mark>[^\n]*)\n(?<code>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
