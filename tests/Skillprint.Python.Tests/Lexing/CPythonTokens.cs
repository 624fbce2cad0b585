using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Skillprint.Python.Lexing;

namespace Skillprint.Python.Tests.Lexing;

/// <summary>
/// Runs tools/cpython_tokens.py under CPython 3.13 and compares its tokens with ours, file by file.
/// </summary>
internal static class CPythonTokens
{
    /// <summary>One CPython token: its exact name (Lib/token.py) and its place, columns in UTF-8 bytes.</summary>
    internal readonly record struct Row(string Name, int Line, int Column, int EndLine, int EndColumn);

    internal sealed record FileTokens(string Path, string? Error, List<Row> Rows);

    /// <summary>CPython 3.13, found as these machines have it (pyenv), or through SKILLPRINT_PYTHON313.</summary>
    internal static (string FileName, string? PyenvVersion)? FindPython313()
    {
        string? configured = Environment.GetEnvironmentVariable("SKILLPRINT_PYTHON313");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return (configured, null);
        }

        string home = Environment.GetEnvironmentVariable("PYENV_ROOT")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        string pyenv = Path.Combine(home, "versions", "3.13.0", "bin", "python3");
        if (File.Exists(pyenv))
        {
            return (pyenv, "3.13.0");
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(dir, "python3.13");
            if (File.Exists(candidate))
            {
                return (candidate, null);
            }
        }

        return null;
    }

    internal static string StandardLibrary313()
    {
        var python = FindPython313() ?? throw new InvalidOperationException(MissingPython);
        return Run(python, ["-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"]).Trim();
    }

    internal const string MissingPython =
        "CPython 3.13 is needed to compare tokens with (pyenv install 3.13.0, or set SKILLPRINT_PYTHON313 to its python3)";

    /// <summary>The repository, found above the test binaries or else above this source file (builds with
    /// --artifacts-path put the binaries elsewhere).</summary>
    internal static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            var dir = start.Length > 0 ? new DirectoryInfo(start) : null;
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Skillprint.slnx")))
            {
                dir = dir.Parent;
            }

            if (dir != null)
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Skillprint.slnx)");
    }

    internal static List<FileTokens> Read(IReadOnlyList<string> paths)
    {
        var python = FindPython313() ?? throw new InvalidOperationException(MissingPython);
        string script = Path.Combine(RepositoryRoot(), "tools", "cpython_tokens.py");
        var output = Run(python, [script, .. paths]);
        var files = new List<FileTokens>();
        foreach (string line in output.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                string? error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
                files.Add(new FileTokens(root.GetProperty("file").GetString()!, error, []));
                continue;
            }

            files[^1].Rows.Add(new Row(root[0].GetString()!, root[1].GetInt32(), root[2].GetInt32(), root[3].GetInt32(), root[4].GetInt32()));
        }

        return files;
    }

    private static string Run((string FileName, string? PyenvVersion) python, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(python.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        if (python.PyenvVersion != null)
        {
            start.Environment["PYENV_VERSION"] = python.PyenvVersion;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python.FileName} failed ({process.ExitCode}): {stderr.Result}");
        }

        return stdout;
    }

    /// <summary>CPython's exact token name for one of our kinds (keywords are NAME there).</summary>
    internal static string NameOf(TokenKind kind) => kind switch
    {
        TokenKind.EndOfFile => "ENDMARKER",
        TokenKind.Newline => "NEWLINE",
        TokenKind.Indent => "INDENT",
        TokenKind.Dedent => "DEDENT",
        TokenKind.Name => "NAME",
        TokenKind.Number => "NUMBER",
        TokenKind.String => "STRING",
        TokenKind.FStringStart => "FSTRING_START",
        TokenKind.FStringMiddle => "FSTRING_MIDDLE",
        TokenKind.FStringEnd => "FSTRING_END",
        TokenKind.TStringStart => "TSTRING_START",
        TokenKind.TStringMiddle => "TSTRING_MIDDLE",
        TokenKind.TStringEnd => "TSTRING_END",
        TokenKind.LeftParen => "LPAR",
        TokenKind.RightParen => "RPAR",
        TokenKind.LeftBracket => "LSQB",
        TokenKind.RightBracket => "RSQB",
        TokenKind.LeftBrace => "LBRACE",
        TokenKind.RightBrace => "RBRACE",
        TokenKind.Colon => "COLON",
        TokenKind.Comma => "COMMA",
        TokenKind.Semicolon => "SEMI",
        TokenKind.Plus => "PLUS",
        TokenKind.Minus => "MINUS",
        TokenKind.Star => "STAR",
        TokenKind.Slash => "SLASH",
        TokenKind.VerticalBar => "VBAR",
        TokenKind.Ampersand => "AMPER",
        TokenKind.Less => "LESS",
        TokenKind.Greater => "GREATER",
        TokenKind.Equal => "EQUAL",
        TokenKind.Dot => "DOT",
        TokenKind.Percent => "PERCENT",
        TokenKind.EqualEqual => "EQEQUAL",
        TokenKind.NotEqual => "NOTEQUAL",
        TokenKind.LessEqual => "LESSEQUAL",
        TokenKind.GreaterEqual => "GREATEREQUAL",
        TokenKind.Tilde => "TILDE",
        TokenKind.Caret => "CIRCUMFLEX",
        TokenKind.LeftShift => "LEFTSHIFT",
        TokenKind.RightShift => "RIGHTSHIFT",
        TokenKind.DoubleStar => "DOUBLESTAR",
        TokenKind.PlusEqual => "PLUSEQUAL",
        TokenKind.MinusEqual => "MINEQUAL",
        TokenKind.StarEqual => "STAREQUAL",
        TokenKind.SlashEqual => "SLASHEQUAL",
        TokenKind.PercentEqual => "PERCENTEQUAL",
        TokenKind.AmpersandEqual => "AMPEREQUAL",
        TokenKind.VerticalBarEqual => "VBAREQUAL",
        TokenKind.CaretEqual => "CIRCUMFLEXEQUAL",
        TokenKind.LeftShiftEqual => "LEFTSHIFTEQUAL",
        TokenKind.RightShiftEqual => "RIGHTSHIFTEQUAL",
        TokenKind.DoubleStarEqual => "DOUBLESTAREQUAL",
        TokenKind.DoubleSlash => "DOUBLESLASH",
        TokenKind.DoubleSlashEqual => "DOUBLESLASHEQUAL",
        TokenKind.At => "AT",
        TokenKind.AtEqual => "ATEQUAL",
        TokenKind.RightArrow => "RARROW",
        TokenKind.Ellipsis => "ELLIPSIS",
        TokenKind.ColonEqual => "COLONEQUAL",
        TokenKind.Exclamation => "EXCLAMATION",
        TokenKind.Error => "ERRORTOKEN",
        >= TokenKind.False and <= TokenKind.Yield => "NAME",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The first place where our tokens differ from CPython's, described for a person, or null when they agree.
    /// Kinds are compared for every token; places for every token but DEDENT and ENDMARKER (which CPython's
    /// tokenize module places by its own convention) and the NEWLINE that ends a file without a line end.
    /// </summary>
    internal static string? FirstDifference(string path, LexResult ours, IReadOnlyList<Row> theirs)
    {
        var tokens = ours.Tokens;
        int n = Math.Max(tokens.Length, theirs.Count);
        for (int i = 0; i < n; i++)
        {
            if (i >= tokens.Length || i >= theirs.Count)
            {
                return $"{path}: token {i}: ours {(i < tokens.Length ? Describe(ours, tokens[i]) : "(none)")}, CPython's {(i < theirs.Count ? theirs[i].ToString() : "(none)")}";
            }

            var t = tokens[i];
            var r = theirs[i];
            bool samePlace = t.Line == r.Line && t.Column == r.Column && t.EndLine == r.EndLine && t.EndColumn == r.EndColumn;
            bool placeMatters = r.Name is not ("DEDENT" or "ENDMARKER") && !(r.Name == "NEWLINE" && t.Length == 0);
            if (NameOf(t.Kind) != r.Name || (placeMatters && !samePlace))
            {
                return $"{path}: token {i}: ours {Describe(ours, t)}, CPython's {r}";
            }
        }

        return null;
    }

    private static string Describe(LexResult lexed, Token t)
    {
        string text = lexed.Text(t).ToString();
        if (text.Length > 40)
        {
            text = text[..40] + "...";
        }

        return $"{NameOf(t.Kind)} {t.Line},{t.Column}-{t.EndLine},{t.EndColumn} {JsonSerializer.Serialize(text)}";
    }
}
