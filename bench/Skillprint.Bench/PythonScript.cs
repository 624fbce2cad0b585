using System.Diagnostics;
using System.Text.Json;

namespace Skillprint.Bench;

/// <summary>The peer side of a benchmark: a script of tools/ run with python3, printing one JSON object.</summary>
internal static class PythonScript
{
    /// <summary>
    /// Runs tools/<paramref name="name"/> with python3 (under <c>PYENV_VERSION</c> when given) and
    /// returns the JSON object it printed; null, with the reason on <paramref name="errors"/>, when it
    /// could not run or failed, and null when pyenv ran another version than the one asked for (its
    /// JSON must hold <c>"version"</c>).
    /// </summary>
    public static JsonDocument? Run(string name, IEnumerable<string> arguments, string? pyenvVersion, TextWriter errors)
    {
        var script = ParseBenchmark.FindTool(name);
        if (script is null)
        {
            errors.WriteLine($"tools/{name} not found above {AppContext.BaseDirectory}");
            return null;
        }

        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (pyenvVersion is not null)
        {
            start.Environment["PYENV_VERSION"] = pyenvVersion;
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                errors.WriteLine($"python3 (PYENV_VERSION={pyenvVersion ?? "unset"}) failed: {stderr.Result.Trim()}");
                return null;
            }

            var json = JsonDocument.Parse(stdout.Result);
            var version = json.RootElement.GetProperty("version").GetString()!;
            if (pyenvVersion is not null && !version.StartsWith(pyenvVersion[..4], StringComparison.Ordinal))
            {
                json.Dispose();
                return null;
            }

            return json;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            errors.WriteLine("python3 could not be started: " + e.Message);
            return null;
        }
    }
}
