using System.Text;
using Skillprint.Python.Lexing;

namespace Skillprint.Python.Tests.Lexing;

// Outcomes as CPython 3.13's compile() gives them for the same bytes.
public sealed class SourceDecoderTests
{
    private static DecodedSource Decode(string latin1Bytes) => SourceDecoder.Decode(Encoding.Latin1.GetBytes(latin1Bytes));

    [Theory]
    [InlineData("x = 'é'\n", "utf-8")]
    [InlineData("\u00ef\u00bb\u00bfx = 1\n", "utf-8")]
    [InlineData("# coding: UTF_8\nx=1\n", "utf-8")]
    [InlineData("# -*- coding: latin-1 -*-\nx='\u00e9'\n", "iso-8859-1")]
    [InlineData("#!/bin/sh\n# vim: set fileencoding=iso-8859-1 :\nx='\u00e9'\n", "iso-8859-1")]
    [InlineData("# coding: cp1252\nx='\u0080'\n", "cp1252")]
    [InlineData("# coding=koi8-r\nx='\u00c1'\n", "koi8-r")]
    [InlineData("x=1\n# coding: foo\n", "utf-8")]
    [InlineData("\n\n# coding: foo\n", "utf-8")]
    [InlineData("#coding:euc-jp\nx=1\n", "euc-jp")]
    public void Files_decode_with_their_declared_encoding(string bytes, string encoding)
    {
        var decoded = Decode(bytes);
        decoded.Diagnostics.ShouldBeEmpty();
        decoded.Encoding.ShouldBe(encoding);
        decoded.Text.ShouldNotStartWith("\uFEFF");
    }

    [Fact]
    public void Declared_encodings_give_the_right_characters()
    {
        Decode("# coding: cp1252\nx='\u0080'\n").Text.ShouldEndWith("x='€'\n");
        Decode("# coding: koi8-r\nx='\u00c1'\n").Text.ShouldEndWith("x='а'\n");
        Decode("# coding: latin-1\nx='\u00e9'\n").Text.ShouldEndWith("x='é'\n");
        SourceDecoder.Decode("x = 'é'\n"u8).Text.ShouldBe("x = 'é'\n");
    }

    [Theory]
    [InlineData("# coding: foo\nx=1\n", 1, "unknown encoding: foo")]
    [InlineData("# a\n# vim: set fileencoding=foo :\n", 2, "unknown encoding: foo")]
    [InlineData("\u00ef\u00bb\u00bf# coding: latin-1\nx=1\n", 1, "encoding problem: iso-8859-1 with BOM")]
    [InlineData("# coding=ascii\nx='\u00e9'\n", 2, "'ascii' codec can't decode byte 0xe9 in position 18: ordinal not in range(128)")]
    public void Bad_declarations_are_reported(string bytes, int line, string message)
    {
        var decoded = Decode(bytes);
        decoded.Diagnostics.ShouldBe([new Diagnostic(line, 0, message)]);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_only_in_names_and_strings_as_in_CPython_3_13()
    {
        var inComment = Decode("x = 1 # \u00e9\n");
        inComment.Diagnostics.ShouldBeEmpty();
        Lexer.Tokenize(inComment.Text).Diagnostics.ShouldBeEmpty();

        var inName = Lexer.Tokenize(Decode("x = 1\n\u00ff\n").Text);
        inName.Diagnostics[0].ShouldBe(new Diagnostic(2, 0, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"));
    }
}
