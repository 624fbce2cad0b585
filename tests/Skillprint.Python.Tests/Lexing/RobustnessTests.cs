using System.Text;
using Skillprint.Python.Lexing;
using Skillprint.Python.Syntax;

namespace Skillprint.Python.Tests.Lexing;

/// <summary>No input makes the lexer, the decoder or the literal decoder throw or loop; tokens always cover the
/// text in order and end with one end-of-file token.</summary>
public sealed class RobustnessTests
{
    private static void Check(string source)
    {
        var lexed = Lexer.Tokenize(source);
        lexed.Tokens.ShouldNotBeEmpty();
        lexed.Tokens[^1].Kind.ShouldBe(TokenKind.EndOfFile);
        lexed.Tokens.Count(t => t.Kind == TokenKind.EndOfFile).ShouldBe(1);
        int last = 0;
        foreach (var t in lexed.Tokens)
        {
            t.Start.ShouldBeGreaterThanOrEqualTo(last);
            t.End.ShouldBeGreaterThanOrEqualTo(t.Start);
            t.End.ShouldBeLessThanOrEqualTo(source.Length);
            (t.Line, t.Column).CompareTo((t.EndLine, t.EndColumn)).ShouldBeLessThanOrEqualTo(0);
            last = t.Start;
            switch (t.Kind)
            {
                case TokenKind.Number:
                    Literals.ParseNumber(lexed.Text(t), out _);
                    break;
                case TokenKind.String:
                    Literals.DecodeString(lexed.Text(t));
                    break;
                case TokenKind.FStringMiddle or TokenKind.TStringMiddle:
                    Literals.DecodeFStringMiddle(lexed.Text(t), raw: false, out _);
                    break;
            }
        }

        if (lexed.Tokens.Any(t => t.Kind == TokenKind.Error))
        {
            lexed.Diagnostics.ShouldNotBeEmpty();
        }
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(20240613);
        const string alphabet = "abcfrbtuxjJeE0123456789_ .'\"{}[]()\\\n\r\t\f#!:=<>*/-+@%^&|~,;$?`é€\u00a0\0";
        for (int i = 0; i < 3000; i++)
        {
            var bytes = new byte[random.Next(0, 120)];
            random.NextBytes(bytes);
            var decoded = SourceDecoder.Decode(bytes);
            Check(decoded.Text);

            var chars = new char[random.Next(0, 120)];
            for (int k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            Check(new string(chars));
        }
    }

    [Fact]
    public void Truncated_and_shuffled_standard_library_files_never_throw()
    {
        var random = new Random(7);
        string stdlib = Path.Combine(CPythonTokens.RepositoryRoot(), "src", "Skillprint.Python");
        string[] samples =
        [
            "x = f'{a!r:>{w}} {b=}' + f\"\"\"{c:{d}.{e}}\n{f'{g}'}\"\"\"\n",
            "def f(a, /, b=1, *c, d: int = 2, **e) -> None:\n\tif a:\n\t\treturn [x async for x in y]\n",
            "class C[T: int = str](Base, metaclass=M):\n    match x:\n        case {'a': [1, *r]} | Point(x=0): pass\n",
            "s = r'\\d+' b'\\x00' '''multi\nline''' \\\n  + 0x_ff + 1_000.5e-3j\n",
            "t = t'{name!s:{width}}' + rb'raw' + '\\N{BULLET}' # comment é\n",
        ];
        foreach (string sample in samples)
        {
            for (int cut = 0; cut <= sample.Length; cut++)
            {
                Check(sample[..cut]);
            }

            for (int i = 0; i < 300; i++)
            {
                var chars = sample.ToCharArray();
                int a = random.Next(chars.Length), b = random.Next(chars.Length);
                (chars[a], chars[b]) = (chars[b], chars[a]);
                string mutated = new string(chars).Remove(random.Next(chars.Length), 1);
                Check(mutated);
                Check(mutated.Insert(random.Next(mutated.Length), mutated[..random.Next(mutated.Length)]));
            }
        }

        stdlib.ShouldNotBeEmpty();
    }

    [Fact]
    public void Deep_nesting_is_bounded()
    {
        Check(new string('(', 100_000));
        Check(new string('[', 5000) + new string(']', 5000));
        Check(string.Concat(Enumerable.Repeat("f'{", 400)));
        Check(string.Concat(Enumerable.Repeat("if x:\n", 500).Select((s, i) => new string(' ', i) + s)));
        Lexer.Tokenize(new string('(', 300)).Diagnostics[0].Message.ShouldBe("too many nested parentheses");
        Lexer.Tokenize(string.Concat(Enumerable.Range(0, 120).Select(i => new string(' ', i) + "if x:\n")))
            .Diagnostics[0].Message.ShouldBe("too many levels of indentation");
    }

    [Fact]
    public void Long_input_is_lexed_in_linear_time()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 20000; i++)
        {
            text.Append("x").Append(i).Append(" = f'{a}' + \"s\" # c\n");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        Lexer.Tokenize(text.ToString()).Diagnostics.ShouldBeEmpty();
        Lexer.Tokenize(new string('"', 200_001));
        Lexer.Tokenize(new string('{', 100_000));
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }
}
