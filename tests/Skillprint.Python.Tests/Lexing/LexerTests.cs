using Skillprint.Python.Lexing;

namespace Skillprint.Python.Tests.Lexing;

public sealed class LexerTests
{
    private static string Kinds(string source) =>
        string.Join(" ", Lexer.Tokenize(source).Tokens.Select(t => CPythonTokens.NameOf(t.Kind)));

    private static string Texts(string source)
    {
        var lexed = Lexer.Tokenize(source);
        return string.Join("|", lexed.Tokens.Select(t => lexed.Text(t).ToString()));
    }

    [Theory]
    [InlineData("x = 1\n", "NAME EQUAL NUMBER NEWLINE ENDMARKER")]
    [InlineData("x = 1", "NAME EQUAL NUMBER NEWLINE ENDMARKER")]
    [InlineData("", "ENDMARKER")]
    [InlineData("\n\n# only a comment\n   \n", "ENDMARKER")]
    [InlineData("if x:\n    y\n", "NAME NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER")]
    [InlineData("if x:\n    if y:\n        z\nw\n", "NAME NAME COLON NEWLINE INDENT NAME NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT DEDENT NAME NEWLINE ENDMARKER")]
    [InlineData("if x:\n    y", "NAME NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER")]
    [InlineData("if x:\n\ty\n\tz\n", "NAME NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER")]
    [InlineData("if x:\n    y\n\n    # comment\n  \n    z\n", "NAME NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT ENDMARKER")]
    [InlineData("x = (1,\n     2)\n", "NAME EQUAL LPAR NUMBER COMMA NUMBER RPAR NEWLINE ENDMARKER")]
    [InlineData("x = 1 + \\\n    2\n", "NAME EQUAL NUMBER PLUS NUMBER NEWLINE ENDMARKER")]
    [InlineData("x = 1\r\ny = 2\r\n", "NAME EQUAL NUMBER NEWLINE NAME EQUAL NUMBER NEWLINE ENDMARKER")]
    [InlineData("x = 1\ry = 2\r", "NAME EQUAL NUMBER NEWLINE NAME EQUAL NUMBER NEWLINE ENDMARKER")]
    [InlineData("if x:\n\f    y\n", "NAME NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT ENDMARKER")]
    [InlineData("a ... b -> c := d != e ** f //= g >>= h @ i", "NAME ELLIPSIS NAME RARROW NAME COLONEQUAL NAME NOTEQUAL NAME DOUBLESTAR NAME DOUBLESLASHEQUAL NAME RIGHTSHIFTEQUAL NAME AT NAME NEWLINE ENDMARKER")]
    [InlineData("def f(a, *, b=1) -> int: pass", "NAME NAME LPAR NAME COMMA STAR COMMA NAME EQUAL NUMBER RPAR RARROW NAME COLON NAME NEWLINE ENDMARKER")]
    [InlineData("match x:\n    case _: pass\n", "NAME NAME COLON NEWLINE INDENT NAME NAME COLON NAME NEWLINE DEDENT ENDMARKER")]
    [InlineData("x = r'a' b\"b\" Rb'c' BR\"d\" u'e' '''f''' \"\"\"g\"\"\"", "NAME EQUAL STRING STRING STRING STRING STRING STRING STRING NEWLINE ENDMARKER")]
    [InlineData("rb bR ub fr t", "NAME NAME NAME NAME NAME NEWLINE ENDMARKER")]
    [InlineData("x = 1if y else 2", "NAME EQUAL NUMBER NAME NAME NAME NUMBER NEWLINE ENDMARKER")]
    [InlineData("ñame = 1", "NAME EQUAL NUMBER NEWLINE ENDMARKER")]
    public void Token_kinds_follow_CPython(string source, string expected) => Kinds(source).ShouldBe(expected);

    [Fact]
    public void Hard_keywords_get_their_kinds_and_soft_keywords_stay_names()
    {
        var tokens = Lexer.Tokenize("async await None True False lambda match case type _ print").Tokens;
        tokens.Select(t => t.Kind).Take(11).ShouldBe(
        [
            TokenKind.Async, TokenKind.Await, TokenKind.None, TokenKind.True, TokenKind.False, TokenKind.Lambda,
            TokenKind.Name, TokenKind.Name, TokenKind.Name, TokenKind.Name, TokenKind.Name,
        ]);
    }

    [Theory]
    [InlineData("1 1_000 0x_FF 0o17 0b1_0 1.5 .5 1. 1e5 1E-5 1_0.0_1e1_0 1j 1.5J 0j 00 0_0 1.e5j")]
    public void Numbers_are_single_tokens(string source)
    {
        var lexed = Lexer.Tokenize(source);
        lexed.Diagnostics.ShouldBeEmpty();
        string.Join(" ", lexed.Tokens.Where(t => t.Kind == TokenKind.Number).Select(t => lexed.Text(t).ToString())).ShouldBe(source);
    }

    [Theory]
    [InlineData("f'a{{b}}c{d!r:>{w}} {e=}'", "FSTRING_START FSTRING_MIDDLE FSTRING_MIDDLE FSTRING_MIDDLE LBRACE NAME EXCLAMATION NAME COLON FSTRING_MIDDLE LBRACE NAME RBRACE FSTRING_MIDDLE RBRACE FSTRING_MIDDLE LBRACE NAME EQUAL RBRACE FSTRING_END")]
    [InlineData("f\"{f'{x}'}\"", "FSTRING_START LBRACE FSTRING_START LBRACE NAME RBRACE FSTRING_END RBRACE FSTRING_END")]
    [InlineData("f'{x:{y}}'", "FSTRING_START LBRACE NAME COLON LBRACE NAME RBRACE FSTRING_MIDDLE RBRACE FSTRING_END")]
    [InlineData("f'{(x:=1)}'", "FSTRING_START LBRACE LPAR NAME COLONEQUAL NUMBER RPAR RBRACE FSTRING_END")]
    [InlineData("f'{a!=b}'", "FSTRING_START LBRACE NAME NOTEQUAL NAME RBRACE FSTRING_END")]
    [InlineData("f'{x[\"k\"]}'", "FSTRING_START LBRACE NAME LSQB STRING RSQB RBRACE FSTRING_END")]
    [InlineData("f'''{\nx\n}'''", "FSTRING_START LBRACE NAME RBRACE FSTRING_END")]
    [InlineData("t'a{b}'", "TSTRING_START TSTRING_MIDDLE LBRACE NAME RBRACE TSTRING_END")]
    [InlineData("rf'{x}\\d' Tr'\\d'", "FSTRING_START LBRACE NAME RBRACE FSTRING_MIDDLE FSTRING_END TSTRING_START TSTRING_MIDDLE TSTRING_END")]
    public void F_strings_tokenize_as_PEP_701_says(string source, string expected)
    {
        var lexed = Lexer.Tokenize(source);
        lexed.Diagnostics.ShouldBeEmpty();
        string.Join(" ", lexed.Tokens.Select(t => CPythonTokens.NameOf(t.Kind)).Where(n => n is not ("NEWLINE" or "ENDMARKER")))
            .ShouldBe(expected);
    }

    [Fact]
    public void Doubled_braces_end_a_middle_token_after_the_first_brace()
    {
        Texts("f'a{{b}}c\\N{BULLET} {x}'").ShouldBe("f'|a{|b}|c\\N{BULLET}| |{|x|}|'||");
    }

    [Fact]
    public void Empty_format_spec_parts_are_empty_middle_tokens_as_in_CPython()
    {
        Texts("f'{x:{y}}'").ShouldBe("f'|{|x|:|{|y|}||}|'||");
    }

    [Fact]
    public void Columns_are_utf8_bytes_and_multi_line_tokens_end_on_their_last_line()
    {
        var lexed = Lexer.Tokenize("é = 'ü'\nx = '''a\nbé''' + 1\n");
        var tokens = lexed.Tokens;
        tokens[1].Column.ShouldBe(3); // '=' after a 2-byte character and a space
        tokens[2].Column.ShouldBe(5);
        tokens[2].EndColumn.ShouldBe(9);
        var triple = tokens[6];
        (triple.Line, triple.Column, triple.EndLine, triple.EndColumn).ShouldBe((2, 4, 3, 6));
        tokens[7].Column.ShouldBe(7);
    }

    [Fact]
    public void Tokens_point_into_the_source_unchanged()
    {
        const string source = "a = 'x'\r\nb = f'{a}y'\r\n";
        var lexed = Lexer.Tokenize(source);
        lexed.Source.ShouldBeSameAs(source);
        foreach (var t in lexed.Tokens)
        {
            (t.Start <= t.End && t.End <= source.Length).ShouldBeTrue();
        }

        Texts(source).ShouldBe("a|=|'x'|\r\n|b|=|f'|{|a|}|y|'|\r\n|");
    }

    // Line, column and message as CPython 3.13 reports them (its SyntaxError offset minus one).
    [Theory]
    [InlineData("x = 1)\n", 1, 5, "unmatched ')'")]
    [InlineData("x = [1)\n", 1, 6, "closing parenthesis ')' does not match opening parenthesis '['")]
    [InlineData("x = [1,\n2)\n", 2, 1, "closing parenthesis ')' does not match opening parenthesis '[' on line 1")]
    [InlineData("x = 08\n", 1, 4, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")]
    [InlineData("x = 0_7\n", 1, 4, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")]
    [InlineData("x = 0x\n", 1, 5, "invalid hexadecimal literal")]
    [InlineData("x = 0xg\n", 1, 5, "invalid hexadecimal literal")]
    [InlineData("x = 1_\n", 1, 5, "invalid decimal literal")]
    [InlineData("x = 1__0\n", 1, 5, "invalid decimal literal")]
    [InlineData("x = 1e\n", 1, 4, "invalid decimal literal")]
    [InlineData("x = 1e+\n", 1, 6, "invalid decimal literal")]
    [InlineData("x = 1abc\n", 1, 4, "invalid decimal literal")]
    [InlineData("x = 0o8\n", 1, 6, "invalid digit '8' in octal literal")]
    [InlineData("x = 0b2\n", 1, 6, "invalid digit '2' in binary literal")]
    [InlineData("x = 0b\n", 1, 5, "invalid binary literal")]
    [InlineData("x = 0b1_\n", 1, 7, "invalid binary literal")]
    [InlineData("x='abc\n", 1, 2, "unterminated string literal (detected at line 1)")]
    [InlineData("x = 'abc", 1, 4, "unterminated string literal (detected at line 1)")]
    [InlineData("x='''abc\n\n", 1, 2, "unterminated triple-quoted string literal (detected at line 2)")]
    [InlineData("x='''abc", 1, 2, "unterminated triple-quoted string literal (detected at line 1)")]
    [InlineData("x = \"abc\\\"\n", 1, 4, "unterminated string literal (detected at line 1); perhaps you escaped the end quote?")]
    [InlineData("x = f'abc\n", 1, 4, "unterminated f-string literal (detected at line 1)")]
    [InlineData("x = f'''abc\n\n", 1, 4, "unterminated triple-quoted f-string literal (detected at line 2)")]
    [InlineData("x = f'{a'\n", 1, 8, "f-string: expecting '}'")]
    [InlineData("x = f'}'\n", 1, 6, "f-string: single '}' is not allowed")]
    [InlineData("x = f'{a)}'\n", 1, 8, "f-string: unmatched ')'")]
    [InlineData("x = f'{1:{2:{3:{4}}}}'\n", 1, 14, "f-string: expressions nested too deeply")]
    [InlineData("x = f'{a\n", 1, 6, "'{' was never closed")]
    [InlineData("x = f'{x#}'\n", 1, 6, "'{' was never closed")]
    [InlineData("€ = 1\n", 1, 0, "invalid character '€' (U+20AC)")]
    [InlineData("a\u00a0= 1\n", 1, 1, "invalid non-printable character U+00A0")]
    [InlineData("\ufeffx = 1\n", 1, 0, "invalid non-printable character U+FEFF")]
    [InlineData("if 1:\n  x\n y\n", 3, 2, "unindent does not match any outer indentation level")]
    [InlineData("if 1:\n\tx\n        y\n", 3, 0, "inconsistent use of tabs and spaces in indentation")]
    [InlineData("x = (1,\n", 1, 4, "'(' was never closed")]
    [InlineData("f(a b\nx = 1\n", 1, 1, "'(' was never closed")]
    [InlineData("x = 1 \\ 2\n", 1, 7, "unexpected character after line continuation character")]
    [InlineData("x = 1 \\", 1, 7, "unexpected EOF while parsing")]
    [InlineData("\\\n\\\n", 2, 1, "unexpected EOF while parsing")]
    [InlineData("x = $\n", 1, 4, "invalid syntax")]
    [InlineData("x = 1 <> 2\n", 1, 6, "invalid syntax")]
    [InlineData("x = 1\0\n", 1, 5, "source code cannot contain null bytes")]
    public void Errors_are_reported_where_and_as_CPython_reports_them(string source, int line, int column, string message)
    {
        var lexed = Lexer.Tokenize(source);
        lexed.Diagnostics.ShouldNotBeEmpty();
        lexed.Diagnostics[0].ShouldBe(new Diagnostic(line, column, message));
        lexed.Tokens[^1].Kind.ShouldBe(TokenKind.EndOfFile);
    }

    [Fact]
    public void Too_many_nested_brackets_is_an_error_at_the_201st()
    {
        var lexed = Lexer.Tokenize(new string('(', 201) + new string(')', 201) + "\n");
        lexed.Diagnostics[0].ShouldBe(new Diagnostic(1, 200, "too many nested parentheses"));
    }

    [Theory]
    [InlineData("x = 1if 1 else 2\n")]
    [InlineData("x = 5 if 1else 2\n")]
    [InlineData("x = [0x1for x in y]\n")]
    [InlineData("x = f'{x!r:>10} {y=!s:{w}.{p}}'\n")]
    [InlineData("x = f'{\"a\" if y else \"b\"}'\n")]
    [InlineData("x = '\\N{BULLET}' f'\\N{BULLET}{x}'\n")]
    [InlineData("if 1:\n    pass\n  \n")]
    public void Valid_code_gives_no_diagnostic(string source) => Lexer.Tokenize(source).Diagnostics.ShouldBeEmpty();

    [Fact]
    public void After_an_error_lexing_goes_on_with_the_next_line()
    {
        var lexed = Lexer.Tokenize("x = 'abc\ny = 2\n");
        lexed.Diagnostics.Count.ShouldBe(1);
        Kinds("x = 'abc\ny = 2\n").ShouldBe("NAME EQUAL ERRORTOKEN NEWLINE NAME EQUAL NUMBER NEWLINE ENDMARKER");
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("\uFB01le", "file")]
    [InlineData("\u212Bngstr\u00F6m", "\u00C5ngstr\u00F6m")]
    [InlineData("\U0001D407ello", "Hello")]
    public void Non_ascii_names_are_normalized_to_NFKC(string name, string expected) =>
        Identifiers.Normalize(name).ShouldBe(expected);
}
