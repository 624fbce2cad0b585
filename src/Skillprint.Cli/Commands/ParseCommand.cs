using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Skillprint.Python;
using Skillprint.Python.Syntax;

namespace Skillprint.Cli.Commands;

/// <summary>
/// `skillprint parse PATH... [--dump]`: runs Skillprint's Python parser over files and folders, for
/// framework authors and for checking the parser against CPython.
/// </summary>
internal static class ParseCommand
{
    public static Command Create(CliApp app)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Python files, or folders (every .py file under them, in sorted order).",
            Arity = ArgumentArity.OneOrMore,
        };
        var dump = new Option<bool>("--dump")
        {
            Description = "Print one JSON object a line per file: {\"path\",\"ok\":true,\"dump\"} with the tree as CPython 3.13's ast.dump prints it, or {\"path\",\"ok\":false,\"diagnostics\":[{\"line\",\"column\",\"message\"}]} (column 0-based, as CPython's col_offset).",
        };
        var command = new Command("parse", "Parse Python files with Skillprint's own parser. Without --dump, one line a file: \"PATH: ok\", or the first problem as PATH:LINE:COLUMN: MESSAGE (column 1-based). Exit code 1 when any file does not parse.")
        {
            paths,
            dump,
        };
        command.SetAction(parsed => Run(app, parsed.GetValue(paths) ?? [], parsed.GetValue(dump)));
        app.Examples(command, "skillprint parse src/app.py", "skillprint parse --dump src/ > trees.jsonl");
        return command;
    }

    private static int Run(CliApp app, string[] paths, bool dump)
    {
        var files = Expand(app.Context, paths);
        var output = app.Context.Out.Profile.Out.Writer;
        var failed = 0;
        var results = files
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, Environment.ProcessorCount))
            .Select(file => (file.Shown, Result: ParseFile(file.Full, dump)));
        foreach (var (shown, result) in results)
        {
            if (!result.Ok)
            {
                failed++;
            }

            output.WriteLine(dump ? JsonLine(shown, result) : Summary(shown, result));
        }

        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>What became of one file: its dump (when asked for) when it parsed, else its diagnostics.</summary>
    private sealed record FileResult(bool Ok, string? Dump, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>Parses one file; the dump text is built only with --dump (it costs more than the parse).</summary>
    private static FileResult ParseFile(string path, bool dump)
    {
        byte[] source;
        try
        {
            source = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return new FileResult(false, null, [new Diagnostic(0, 0, "cannot read the file: " + error.Message)]);
        }

        var result = PythonParser.Parse(source);
        return result.Success
            ? new FileResult(true, dump ? AstDump.Dump(result.Module) : null, [])
            : new FileResult(false, null, result.Diagnostics);
    }

    /// <summary>The files named by the arguments: a file as given, a folder as its .py files, sorted.</summary>
    private static List<(string Shown, string Full)> Expand(CliContext context, string[] paths)
    {
        var files = new List<(string Shown, string Full)>();
        foreach (var path in paths)
        {
            var full = context.FullPath(path);
            if (File.Exists(full))
            {
                files.Add((path, full));
            }
            else if (Directory.Exists(full))
            {
                var found = Directory
                    .EnumerateFiles(full, "*.py", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
                    .Select(file => Path.GetRelativePath(full, file))
                    .Order(StringComparer.Ordinal)
                    .Select(relative => (Path.Combine(path, relative), Path.Combine(full, relative)));
                files.AddRange(found);
            }
            else
            {
                throw new UsageException($"no such file or folder: {path}");
            }
        }

        return files;
    }

    private static string Summary(string path, FileResult result)
    {
        if (result.Ok)
        {
            return $"{path}: ok";
        }

        var first = result.Diagnostics[0];
        var more = result.Diagnostics.Count > 1 ? $" (and {result.Diagnostics.Count - 1} more)" : "";
        return $"{path}:{first.Line}:{first.Column + 1}: {first.Message}{more}";
    }

    private static readonly JsonWriterOptions LineOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static string JsonLine(string path, FileResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, LineOptions))
        {
            json.WriteStartObject();
            json.WriteString("path", path);
            json.WriteBoolean("ok", result.Ok);
            if (result.Ok)
            {
                json.WriteString("dump", result.Dump);
            }
            else
            {
                json.WriteStartArray("diagnostics");
                foreach (var diagnostic in result.Diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteNumber("line", diagnostic.Line);
                    json.WriteNumber("column", diagnostic.Column);
                    json.WriteString("message", diagnostic.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
