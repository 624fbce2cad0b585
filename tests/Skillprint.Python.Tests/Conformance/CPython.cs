using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Skillprint.Python.Tests.Conformance;

/// <summary>What CPython said about one file: its ast.dump, or where it raised SyntaxError.</summary>
internal sealed record CPythonResult(string Path, bool Ok, string? Dump, int? Line, int? Column, string? Message);

/// <summary>
/// The CPython the conformance tests compare with: 3.13 (through pyenv or as python3.13), else the
/// default python3, which is allowed only outside CI. Runs tools/cpython_ast_dump.py and reads its
/// JSON lines. Answers over a whole folder are kept in the temp folder, keyed by the interpreter,
/// the script and every file's path, size and time, so a second run does not wait for CPython again
/// (set SKILLPRINT_CPYTHON_NO_CACHE=1 to ask CPython every time).
/// </summary>
internal sealed class CPython
{
    private const string ReferenceVersion = "3.13";

    private static readonly Lazy<CPython?> Found = new(Find);

    private CPython(string fileName, string? pyenvVersion, string version)
    {
        FileName = fileName;
        PyenvVersion = pyenvVersion;
        Version = version;
    }

    public string FileName { get; }

    public string? PyenvVersion { get; }

    /// <summary>The full version, as "3.13.0".</summary>
    public string Version { get; }

    public bool IsReference => Version.StartsWith(ReferenceVersion + ".", StringComparison.Ordinal);

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The interpreter to compare with, and a note to print when it is not 3.13. Fails the calling
    /// test when there is no Python at all, or when 3.13 is missing under CI=true.
    /// </summary>
    public static CPython Require(Action<string> note)
    {
        var python = Found.Value;
        if (python is null)
        {
            Assert.Fail("No CPython found (tried PYENV_VERSION=3.13.0 python3, python3.13 and python3): the conformance tests need one.");
        }

        if (!python.IsReference)
        {
            var message = $"Python {ReferenceVersion} is missing (tried PYENV_VERSION=3.13.0 python3 and python3.13); " +
                $"comparing with python3 {python.Version} instead, whose grammar and dump are older.";
            if (UnderCi)
            {
                Assert.Fail(message + " Under CI=true Python 3.13 must be present: install it with pyenv (pyenv install 3.13.0).");
            }

            note(message);
        }

        return python;
    }

    /// <summary>Runs the dump tool over <paramref name="paths"/> (files or folders) and returns one result per file, in order.</summary>
    public IReadOnlyList<CPythonResult> DumpAll(IReadOnlyList<string> paths, bool attributes = false, IReadOnlyList<string>? skipDirs = null)
    {
        var arguments = new List<string> { RepositoryPaths.DumpTool };
        foreach (var skip in skipDirs ?? [])
        {
            arguments.Add("--skip-dir");
            arguments.Add(skip);
        }

        if (attributes)
        {
            arguments.Add("--attributes");
        }

        arguments.AddRange(paths);
        var cacheFile = CacheFile(arguments, paths, skipDirs ?? []);
        string output;
        if (cacheFile is not null && File.Exists(cacheFile))
        {
            output = File.ReadAllText(cacheFile);
        }
        else
        {
            output = Run(arguments, TimeSpan.FromMinutes(4));
            if (cacheFile is not null)
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(cacheFile)!);
                var partial = cacheFile + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
                File.WriteAllText(partial, output);
                File.Move(partial, cacheFile, overwrite: true);
            }
        }

        var results = new List<CPythonResult>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            results.Add(ParseLine(line));
        }

        return results;
    }

    private static CPythonResult ParseLine(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var ok = root.GetProperty("ok").GetBoolean();
        string? dump = null, message = null;
        int? lineNumber = null, column = null;
        if (ok)
        {
            dump = root.GetProperty("dump").GetString();
        }
        else
        {
            message = root.GetProperty("message").GetString();
            if (root.GetProperty("line").ValueKind == JsonValueKind.Number)
            {
                lineNumber = root.GetProperty("line").GetInt32();
            }

            if (root.GetProperty("column").ValueKind == JsonValueKind.Number)
            {
                column = root.GetProperty("column").GetInt32();
            }
        }

        return new CPythonResult(root.GetProperty("path").GetString()!, ok, dump, lineNumber, column, message);
    }

    private string? CacheFile(IReadOnlyList<string> arguments, IReadOnlyList<string> paths, IReadOnlyList<string> skipDirs)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("SKILLPRINT_CPYTHON_NO_CACHE"), "1", StringComparison.Ordinal))
        {
            return null;
        }

        var key = new StringBuilder();
        key.Append(FileName).Append('|').Append(Version).Append('|').Append(File.ReadAllText(RepositoryPaths.DumpTool)).Append('|');
        key.AppendJoin('\u0001', arguments).Append('|');
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.py", SearchOption.AllDirectories)
                    .Where(f => !skipDirs.Any(s => f.Contains("/" + s + "/", StringComparison.Ordinal)))
                    .Order(StringComparer.Ordinal)
                : (IEnumerable<string>)[path];
            foreach (var file in files)
            {
                var info = new FileInfo(file);
                var stamp = info.Exists ? info.Length.ToString(CultureInfo.InvariantCulture) + "@" + info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) : "missing";
                key.Append(file).Append('=').Append(stamp).Append('\n');
            }
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())));
        return System.IO.Path.Combine(System.IO.Path.GetTempPath(), "skillprint-cpython-dumps", hash + ".jsonl");
    }

    private string Run(IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = StartInfo(FileName, PyenvVersion);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + FileName);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{FileName} {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes} minutes.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"{FileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }

    private static ProcessStartInfo StartInfo(string fileName, string? pyenvVersion)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONUTF8"] = "1";
        if (pyenvVersion is not null)
        {
            start.Environment["PYENV_VERSION"] = pyenvVersion;
        }

        return start;
    }

    private static CPython? Find()
    {
        return TryVersion("python3", "3.13.0") is { } pyenv && pyenv.StartsWith(ReferenceVersion + ".", StringComparison.Ordinal)
            ? new CPython("python3", "3.13.0", pyenv)
            : TryVersion("python3.13", null) is { } direct
                ? new CPython("python3.13", null, direct)
                : TryVersion("python3", null) is { } fallback
                    ? new CPython("python3", null, fallback)
                    : null;
    }

    private static string? TryVersion(string fileName, string? pyenvVersion)
    {
        try
        {
            var start = StartInfo(fileName, pyenvVersion);
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import sys; print('%d.%d.%d' % sys.version_info[:3])");
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
