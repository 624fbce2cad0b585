using Skillprint.Python.Lexing;
using Skillprint.Python.Syntax;

namespace Skillprint.Python.Parsing;

// The one place where the parser asks for literal values (numbers, strings, f-string text); the
// decoding itself is Syntax/Literals.cs. A bad literal is reported at its token and the tree keeps
// going with the value Literals gives back.
internal sealed partial class Parser
{
    private object NumberValue(in Token t)
    {
        var value = Literals.ParseNumber(Text(t), out var error);
        if (error is not null)
        {
            _diagnostics.Add(new Diagnostic(t.Line, t.Column, error));
        }

        return value;
    }

    private object DecodeStringToken(in Token t, out bool isBytes, out string? kind)
    {
        var decoded = Literals.DecodeString(Text(t));
        if (decoded.Error is not null)
        {
            _diagnostics.Add(new Diagnostic(t.Line, t.Column, decoded.Error));
        }

        isBytes = decoded.Value is byte[];
        kind = decoded.Kind;
        return decoded.Value;
    }

    private object DecodeMiddle(in Token t, bool raw)
    {
        var value = Literals.DecodeFStringMiddle(Text(t), raw, out var error);
        if (error is not null)
        {
            _diagnostics.Add(new Diagnostic(t.Line, t.Column, error));
        }

        return value;
    }

    private bool IsRawPrefixed(in Token start) => Literals.ReadPrefix(Text(start)).Raw;
}
