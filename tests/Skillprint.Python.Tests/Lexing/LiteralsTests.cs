using System.Numerics;
using System.Text;
using Skillprint.Python.Syntax;

namespace Skillprint.Python.Tests.Lexing;

// Expected values are what CPython 3.13's ast.parse gives for the same literal.
public sealed class LiteralsTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("00", 0L)]
    [InlineData("0_0", 0L)]
    [InlineData("1_000", 1000L)]
    [InlineData("0xFF_FF", 65535L)]
    [InlineData("0o17", 15L)]
    [InlineData("0B1010", 10L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("0x7fffffffffffffff", long.MaxValue)]
    public void Ints_that_fit_are_longs(string text, long expected) =>
        Literals.ParseNumber(text, out _).ShouldBe(expected);

    [Theory]
    [InlineData("9223372036854775808", "9223372036854775808")]
    [InlineData("99999999999999999999", "99999999999999999999")]
    [InlineData("0xffffffffffffffffff", "4722366482869645213695")]
    [InlineData("0o7777777777777777777777", "73786976294838206463")]
    [InlineData("0b1_0000000000000000000000000000000000000000000000000000000000000000", "18446744073709551616")]
    public void Larger_ints_are_big_integers(string text, string expected) =>
        Literals.ParseNumber(text, out _).ShouldBe(BigInteger.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1.", 1.0)]
    [InlineData("1_0.0_1", 10.01)]
    [InlineData("1E5", 100000.0)]
    [InlineData("1e22", 1e22)]
    [InlineData("1e-400", 0.0)]
    [InlineData("0.1", 0.1)]
    [InlineData("123456789012345678901234567890.0", 1.2345678901234568e+29)]
    [InlineData("2.2250738585072011e-308", 2.225073858507201e-308)]
    public void Floats_round_to_nearest(string text, double expected) =>
        Literals.ParseNumber(text, out _).ShouldBe(expected);

    [Fact]
    public void Too_large_floats_are_infinity() =>
        Literals.ParseNumber("1e1000", out _).ShouldBe(double.PositiveInfinity);

    [Theory]
    [InlineData("1j", 1.0)]
    [InlineData("1.5J", 1.5)]
    [InlineData("0j", 0.0)]
    [InlineData("1_0e1_0j", 1e11)]
    public void Imaginary_literals_are_complex_with_zero_real_part(string text, double imaginary) =>
        Literals.ParseNumber(text, out _).ShouldBe(new Complex(0, imaginary));

    [Fact]
    public void Decimal_ints_beyond_4300_digits_are_refused_as_CPython_refuses_them()
    {
        Literals.ParseNumber("1" + new string('0', 4400), out string? error);
        error.ShouldBe("Exceeds the limit (4300 digits) for integer string conversion: value has 4401 digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.");
        Literals.ParseNumber("0x" + new string('f', 5000), out string? hexError).ShouldBeOfType<BigInteger>();
        hexError.ShouldBeNull();
    }

    [Theory]
    [InlineData("'abc'", "abc")]
    [InlineData("\"a\\nb\\tc\"", "a\nb\tc")]
    [InlineData("'\\x41\\u00e9\\U0001F600'", "Aé\U0001F600")]
    [InlineData("'\\777\\400\\0\\12'", "ǿĀ\0\n")]
    [InlineData("'\\q\\d'", "\\q\\d")]
    [InlineData("'\\é'", "\\é")]
    [InlineData("'a\\\nb'", "ab")]
    [InlineData("'a\\\r\nb'", "ab")]
    [InlineData("'''a\r\nb\rc'''", "a\nb\nc")]
    [InlineData("r'\\n\\x'", "\\n\\x")]
    [InlineData("'\\N{BULLET} \\N{bullet} \\N{EM DASH} \\N{CJK UNIFIED IDEOGRAPH-8000} \\N{HANGUL SYLLABLE GAG}'", "• • — 耀 각")]
    [InlineData("'\\a\\b\\f\\v\\'\\\"\\\\'", "\a\b\f\v'\"\\")]
    [InlineData("'''\"\"\"'''", "\"\"\"")]
    [InlineData("''", "")]
    [InlineData("U'x'", "x")]
    public void Strings_decode_their_escapes(string token, string expected)
    {
        var value = Literals.DecodeString(token);
        value.Error.ShouldBeNull();
        value.Value.ShouldBe(expected);
        value.Kind.ShouldBeNull();
    }

    [Fact]
    public void Lowercase_u_prefix_sets_kind_u() => Literals.DecodeString("u'x'").Kind.ShouldBe("u");

    [Theory]
    [InlineData("b'abc'", "616263")]
    [InlineData("b'\\x00\\xff\\n'", "00FF0A")]
    [InlineData("b'\\400\\777'", "00FF")]
    [InlineData("b'\\u1234'", "5C7531323334")]
    [InlineData("rb'\\xff'", "5C786666")]
    [InlineData("BR'''a\r\nb'''", "610A62")]
    public void Bytes_decode_to_byte_arrays(string token, string hex)
    {
        var value = Literals.DecodeString(token);
        value.Error.ShouldBeNull();
        Convert.ToHexString((byte[])value.Value).ShouldBe(hex);
    }

    [Theory]
    [InlineData("b'é'", "bytes can only contain ASCII literal characters")]
    [InlineData("rb'é'", "bytes can only contain ASCII literal characters")]
    [InlineData("b'\\x4'", "(value error) invalid \\x escape at position 0")]
    [InlineData("'\\x4'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape")]
    [InlineData("'\\x'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape")]
    [InlineData("'é\\x4'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape")]
    [InlineData("'\\u12'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \\uXXXX escape")]
    [InlineData("'\\U0011ffff'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character")]
    [InlineData("'\\N'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed \\N character escape")]
    [InlineData("'\\N{BULLET'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-8: malformed \\N character escape")]
    [InlineData("'\\N{foo}'", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name")]
    public void Invalid_literals_give_CPythons_message(string token, string message) =>
        Literals.DecodeString(token).Error.ShouldBe(message);

    [Theory]
    [InlineData("a{", false, "a{")]
    [InlineData("\\N{BULLET}", false, "•")]
    [InlineData("\\", false, "\\")]
    [InlineData("\\n\\d", true, "\\n\\d")]
    [InlineData("x\r\ny", true, "x\ny")]
    public void F_string_middles_decode_like_strings(string middle, bool raw, string expected)
    {
        Literals.DecodeFStringMiddle(middle, raw, out string? error).ShouldBe(expected);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("'x'", 0, false, false, false, '\'', 1, false)]
    [InlineData("rb\"\"\"x\"\"\"", 2, true, true, false, '"', 3, false)]
    [InlineData("f'", 1, false, false, true, '\'', 1, false)]
    [InlineData("Rf\"\"\"", 2, true, false, true, '"', 3, false)]
    [InlineData("u''", 1, false, false, false, '\'', 1, true)]
    public void Prefixes_are_read(string token, int length, bool raw, bool bytes, bool formatted, char quote, int quoteSize, bool lowercaseU)
    {
        var prefix = Literals.ReadPrefix(token);
        (prefix.Length, prefix.Raw, prefix.Bytes, prefix.Formatted, prefix.Quote, prefix.QuoteSize, prefix.LowercaseU)
            .ShouldBe((length, raw, bytes, formatted, quote, quoteSize, lowercaseU));
    }

    [Fact]
    public void Undecodable_bytes_in_a_string_are_an_error_there()
    {
        var decoded = Skillprint.Python.Lexing.SourceDecoder.Decode(Encoding.Latin1.GetBytes("x = 'b\u00f6se'\n"));
        decoded.Diagnostics.ShouldBeEmpty();
        var lexed = Skillprint.Python.Lexing.Lexer.Tokenize(decoded.Text);
        var str = lexed.Tokens[2];
        Literals.DecodeString(lexed.Text(str)).Error.ShouldBe("(unicode error) 'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte");
    }
}
