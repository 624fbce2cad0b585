using System.Numerics;
using System.Text;
using Skillprint.Python.Syntax;

namespace Skillprint.Python.Tests.Syntax;

/// <summary>Expected texts are what CPython 3.13's <c>repr</c> printed for the same values.</summary>
public sealed class PythonReprTests
{
    [Theory]
    [InlineData(0.0, "0.0", "0j")]
    [InlineData(1.0, "1.0", "1j")]
    [InlineData(1e16, "1e+16", "1e+16j")]
    [InlineData(1e15, "1000000000000000.0", "1000000000000000j")]
    [InlineData(9999999999999998.0, "9999999999999998.0", "9999999999999998j")]
    [InlineData(1e-4, "0.0001", "0.0001j")]
    [InlineData(1e-5, "1e-05", "1e-05j")]
    [InlineData(1.5e-5, "1.5e-05", "1.5e-05j")]
    [InlineData(0.1, "0.1", "0.1j")]
    [InlineData(1.0 / 3, "0.3333333333333333", "0.3333333333333333j")]
    [InlineData(1180591620717411303424.0, "1.1805916207174113e+21", "1.1805916207174113e+21j")]
    [InlineData(5e-324, "5e-324", "5e-324j")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308", "1.7976931348623157e+308j")]
    [InlineData(1e22, "1e+22", "1e+22j")]
    [InlineData(123.456, "123.456", "123.456j")]
    [InlineData(double.PositiveInfinity, "inf", "infj")]
    public void FloatAndImaginary(double value, string expectedFloat, string expectedImaginary)
    {
        Repr(value).ShouldBe(expectedFloat);
        Repr(new Complex(0, value)).ShouldBe(expectedImaginary);
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("say \"hi\"", "'say \"hi\"'")]
    [InlineData("both ' and \"", "'both \\' and \"'")]
    [InlineData("tab\there\nnl\r\\", "'tab\\there\\nnl\\r\\\\'")]
    [InlineData("\u0000\u001f\u007f\u0080\u009f\u00a0\u00ad", "'\\x00\\x1f\\x7f\\x80\\x9f\\xa0\\xad'")]
    [InlineData("\u00e9\u20ac\U0001F600", "'\u00e9\u20ac\U0001F600'")]
    [InlineData("\u2028\u3000\ufeff\ue000", "'\\u2028\\u3000\\ufeff\\ue000'")]
    [InlineData("\U000E0001\U0010FFFF", "'\\U000e0001\\U0010ffff'")]
    [InlineData("\u0897", "'\\u0897'")] // assigned in Unicode 16, unknown to Python 3.13
    public void String(string value, string expected) => Repr(value).ShouldBe(expected);

    [Fact]
    public void LoneSurrogateIsEscaped()
    {
        // "\ud800" in Python source makes a str with a lone surrogate; built here at run time
        // because an attribute argument cannot carry one.
        Repr("a" + (char)0xD800 + "b").ShouldBe("'a\\ud800b'");
        Repr(((char)0xDFFF).ToString()).ShouldBe("'\\udfff'");
    }

    [Fact]
    public void SurrogateCodePointsStayApartWhereADotNetStringWouldPairThem()
    {
        // "\ud834\udd1e.py" and "it's \U0001d11e" as Python reads them (repr from CPython 3.13).
        Repr(new SurrogateString([0xD834, 0xDD1E, '.', 'p', 'y'])).ShouldBe("'\\ud834\\udd1e.py'");
        Repr(new SurrogateString(['i', 't', '\'', 's', ' ', 0x1D11E])).ShouldBe("\"it's \U0001D11E\"");
        new SurrogateString([0xD834, 'a']).ToString().ShouldBe("\ud834a");
    }

    [Fact]
    public void Bytes()
    {
        Repr(new byte[] { 0, 9, 10, 13, (byte)'\\', (byte)'\'', (byte)'"', 0x7f, 0xff, (byte)'A' }).ShouldBe("b'\\x00\\t\\n\\r\\\\\\'\"\\x7f\\xffA'");
        Repr(new byte[] { (byte)'\'' }).ShouldBe("b\"'\"");
        Repr(Array.Empty<byte>()).ShouldBe("b''");
    }

    [Fact]
    public void OtherValues()
    {
        Repr(null).ShouldBe("None");
        Repr(true).ShouldBe("True");
        Repr(false).ShouldBe("False");
        Repr(EllipsisValue.Instance).ShouldBe("Ellipsis");
        Repr(-0.0).ShouldBe("-0.0");
        Repr(long.MinValue).ShouldBe("-9223372036854775808");
        Repr(BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture)).ShouldBe("123456789012345678901234567890");
        Repr(new Complex(1, 2)).ShouldBe("(1+2j)");
        Repr(new Complex(1, -2.5)).ShouldBe("(1-2.5j)");
    }

    private static string Repr(object? value)
    {
        var text = new StringBuilder();
        PythonRepr.AppendValue(text, value);
        return text.ToString();
    }
}
