using System.Globalization;
using System.Text;

namespace Skillprint.Core.Detection.Toml;

/// <summary>
/// Reads TOML 1.0 (and the newline-and-trailing-comma leniency of 1.1 inside inline tables):
/// tables, arrays of tables, dotted and quoted keys, inline tables, basic and literal strings
/// (single and multi-line), integers (decimal, hex, octal, binary), floats, booleans, dates and
/// times (kept as text), arrays. Never throws: a problem is recorded with its line and column and
/// reading goes on at the next line. Checked against CPython's tomllib: it reads every valid file of
/// tomllib's test data alike, and rejects most invalid ones; it is lenient where strictness does not
/// change what a file defines (redefining a table, extending a table through dotted keys, control
/// characters in comments, impossible calendar dates).
/// </summary>
public static class TomlReader
{
    /// <summary>Nesting of arrays and inline tables beyond this is an error (so no input can exhaust the stack).</summary>
    public const int MaxDepth = 100;

    public static TomlDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Parser(text).Read();
    }

    private sealed class SyntaxError(int line, int column, string message) : Exception(message)
    {
        public int Line { get; } = line;

        public int Column { get; } = column;
    }

    private sealed class Parser(string text)
    {
        private readonly TomlTable _root = new();
        private readonly List<TomlDefinition> _definitions = [];
        private readonly List<TomlError> _errors = [];
        private int _pos;
        private int _line = 1;
        private int _lineStart;
        private TomlTable _current = null!;
        private string[] _currentPath = [];

        private bool AtEnd => _pos >= text.Length;

        private char Peek => _pos < text.Length ? text[_pos] : '\0';

        public TomlDocument Read()
        {
            _current = _root;
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                _pos = 1;
                _lineStart = 1;
            }

            while (!AtEnd)
            {
                try
                {
                    ReadLine();
                }
                catch (SyntaxError error)
                {
                    _errors.Add(new TomlError(error.Line, error.Column, error.Message));
                    SkipRestOfLine();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A bug of ours must not reach the caller: report it where reading stopped.
                    _errors.Add(new TomlError(_line, Column, "internal TOML reader error: " + e.Message));
                    break;
                }
            }

            return new TomlDocument(_root, _definitions, _errors);
        }

        // --- lines (TOML spec: "Keys", "Table", "Array of Tables") -----------------------------

        private void ReadLine()
        {
            SkipSpaces();
            if (AtEnd)
            {
                return;
            }

            switch (Peek)
            {
                case '#':
                    SkipComment();
                    break;
                case '\n' or '\r':
                    break;
                case '[':
                    ReadHeader();
                    break;
                default:
                    ReadKeyValue(_current, _currentPath, record: true);
                    break;
            }

            SkipSpaces();
            if (Peek == '#')
            {
                SkipComment();
            }

            ExpectLineEnd();
        }

        private void ReadHeader()
        {
            var line = _line;
            Next();
            var isArray = Peek == '[';
            if (isArray)
            {
                Next();
            }

            SkipSpaces();
            var path = ReadKey();
            SkipSpaces();
            Expect(']');
            if (isArray)
            {
                Expect(']');
            }

            var parent = Navigate(_root, path.Take(path.Count - 1), implicitTables: true);
            var last = path[^1];
            if (isArray)
            {
                if (!parent.TryGetValue(last, out var existing))
                {
                    existing = new List<object>();
                    parent.TryAdd(last, existing);
                }

                if (existing is not List<object> list)
                {
                    throw Error($"'{string.Join('.', path)}' is already defined as something other than an array of tables");
                }

                var table = new TomlTable();
                list.Add(table);
                _current = table;
            }
            else
            {
                if (!parent.TryGetValue(last, out var existing))
                {
                    existing = new TomlTable();
                    parent.TryAdd(last, existing);
                }

                _current = existing as TomlTable
                    ?? throw Error($"'{string.Join('.', path)}' is already defined as a value, not a table");
            }

            _currentPath = [.. path];
            _definitions.Add(new TomlDefinition(_currentPath, isArray ? TomlDefinitionKind.ArrayTable : TomlDefinitionKind.Table, line));
        }

        private void ReadKeyValue(TomlTable table, string[] tablePath, bool record)
        {
            var line = _line;
            var column = Column;
            var key = ReadKey();
            SkipSpaces();
            Expect('=');
            SkipSpaces();
            string[] fullPath = [.. tablePath, .. key];
            if (record)
            {
                _definitions.Add(new TomlDefinition(fullPath, TomlDefinitionKind.Key, line));
            }

            var value = ReadValue(fullPath, record, depth: 0);
            var parent = Navigate(table, key.Take(key.Count - 1), implicitTables: false);
            if (!parent.TryAdd(key[^1], value))
            {
                throw new SyntaxError(line, column, $"key '{string.Join('.', key)}' is defined twice");
            }
        }

        /// <summary>Walks (and makes) the tables of a path; through an array of tables, its last table.</summary>
        private TomlTable Navigate(TomlTable start, IEnumerable<string> path, bool implicitTables)
        {
            var table = start;
            foreach (var key in path)
            {
                if (!table.TryGetValue(key, out var next))
                {
                    next = new TomlTable();
                    table.TryAdd(key, next);
                }

                table = next switch
                {
                    TomlTable nested => nested,
                    List<object> { Count: > 0 } list when implicitTables && list[^1] is TomlTable last => last,
                    _ => throw Error($"'{key}' is already defined as a value, not a table"),
                };
            }

            return table;
        }

        // --- keys --------------------------------------------------------------------------------

        private List<string> ReadKey()
        {
            var parts = new List<string>();
            while (true)
            {
                SkipSpaces();
                parts.Add(ReadSimpleKey());
                SkipSpaces();
                if (Peek != '.')
                {
                    return parts;
                }

                Next();
            }
        }

        private string ReadSimpleKey()
        {
            if (Peek == '"')
            {
                return ReadBasicString();
            }

            if (Peek == '\'')
            {
                return ReadLiteralString();
            }

            var start = _pos;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek is '_' or '-'))
            {
                _pos++;
            }

            if (_pos == start)
            {
                throw Error(AtEnd || Peek is '\n' or '\r' ? "expected a key" : $"unexpected '{Peek}' where a key was expected");
            }

            return text[start.._pos];
        }

        // --- values ------------------------------------------------------------------------------

        private object ReadValue(string[] path, bool record, int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error($"arrays and inline tables are nested more than {MaxDepth} deep");
            }

            switch (Peek)
            {
                case '"':
                    return StartsWith("\"\"\"") ? ReadMultilineString('"') : ReadBasicString();
                case '\'':
                    return StartsWith("'''") ? ReadMultilineString('\'') : ReadLiteralString();
                case '[':
                    return ReadArray(depth);
                case '{':
                    return ReadInlineTable(path, record, depth);
                default:
                    return ReadScalar();
            }
        }

        private List<object> ReadArray(int depth)
        {
            Next();
            var items = new List<object>();
            while (true)
            {
                SkipSpacesCommentsAndNewlines();
                if (Peek == ']')
                {
                    Next();
                    return items;
                }

                if (AtEnd)
                {
                    throw Error("unterminated array (expected ']')");
                }

                items.Add(ReadValue([], record: false, depth + 1));
                SkipSpacesCommentsAndNewlines();
                if (Peek == ',')
                {
                    Next();
                }
                else if (Peek == ']')
                {
                    Next();
                    return items;
                }
                else
                {
                    throw Error(AtEnd ? "unterminated array (expected ']')" : $"expected ',' or ']' in an array, not '{Peek}'");
                }
            }
        }

        private TomlTable ReadInlineTable(string[] path, bool record, int depth)
        {
            Next();
            var table = new TomlTable();
            while (true)
            {
                SkipSpacesCommentsAndNewlines();
                if (Peek == '}')
                {
                    Next();
                    return table;
                }

                if (AtEnd)
                {
                    throw Error("unterminated inline table (expected '}')");
                }

                var line = _line;
                var column = Column;
                var key = ReadKey();
                SkipSpaces();
                Expect('=');
                SkipSpaces();
                string[] fullPath = [.. path, .. key];
                if (record)
                {
                    _definitions.Add(new TomlDefinition(fullPath, TomlDefinitionKind.Key, line));
                }

                var value = ReadValue(fullPath, record, depth + 1);
                if (!Navigate(table, key.Take(key.Count - 1), implicitTables: false).TryAdd(key[^1], value))
                {
                    throw new SyntaxError(line, column, $"key '{string.Join('.', key)}' is defined twice");
                }

                SkipSpacesCommentsAndNewlines();
                if (Peek == ',')
                {
                    Next();
                }
                else if (Peek == '}')
                {
                    Next();
                    return table;
                }
                else
                {
                    throw Error(AtEnd ? "unterminated inline table (expected '}')" : $"expected ',' or '}}' in an inline table, not '{Peek}'");
                }
            }
        }

        /// <summary>Booleans, numbers, dates and times: one bare token (a date and a time may be joined by a space).</summary>
        private object ReadScalar()
        {
            var line = _line;
            var column = Column;
            var start = _pos;
            while (!AtEnd && IsScalarChar(Peek))
            {
                _pos++;
            }

            // "1979-05-27 07:32:00": a date, a space, then a time.
            if (_pos - start == 10 && Peek == ' ' && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1]) && text[start + 4] == '-')
            {
                _pos++;
                while (!AtEnd && IsScalarChar(Peek))
                {
                    _pos++;
                }
            }

            var token = text[start.._pos];
            if (token.Length == 0)
            {
                throw new SyntaxError(line, column, AtEnd || Peek is '\n' or '\r' ? "expected a value" : $"unexpected '{Peek}' where a value was expected");
            }

            return ParseScalar(token) ?? throw new SyntaxError(line, column, $"'{token}' is not a TOML value (strings need quotes)");
        }

        private static bool IsScalarChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-' or '.' or ':';

        private static object? ParseScalar(string token)
        {
            switch (token)
            {
                case "true":
                    return true;
                case "false":
                    return false;
                case "inf" or "+inf":
                    return double.PositiveInfinity;
                case "-inf":
                    return double.NegativeInfinity;
                case "nan" or "+nan" or "-nan":
                    return double.NaN;
            }

            if (token.Length >= 5 && char.IsAsciiDigit(token[0]) && (token.Contains(':', StringComparison.Ordinal) || (token.Length >= 10 && token[4] == '-' && token[7] == '-')))
            {
                return new TomlDateTime(token);
            }

            if (token.Contains("__", StringComparison.Ordinal) || token.EndsWith('_') || token.StartsWith('_'))
            {
                return null;
            }

            var digits = token.Replace("_", string.Empty, StringComparison.Ordinal);
            if (digits.StartsWith("0x", StringComparison.Ordinal))
            {
                return ParseBase(digits[2..], 16);
            }

            if (digits.StartsWith("0o", StringComparison.Ordinal))
            {
                return ParseBase(digits[2..], 8);
            }

            if (digits.StartsWith("0b", StringComparison.Ordinal))
            {
                return ParseBase(digits[2..], 2);
            }

            if (digits.AsSpan().IndexOfAny('.', 'e', 'E') >= 0)
            {
                return double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && char.IsAsciiDigit(digits[^1])
                    ? number
                    : null;
            }

            return long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) ? integer : null;
        }

        private static object? ParseBase(string digits, int radix)
        {
            if (digits.Length == 0)
            {
                return null;
            }

            long value = 0;
            foreach (var c in digits)
            {
                var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? (char.ToLowerInvariant(c) - 'a' + 10) : radix;
                if (digit >= radix)
                {
                    return null;
                }

                if (value > (long.MaxValue - digit) / radix)
                {
                    return null;
                }

                value = (value * radix) + digit;
            }

            return value;
        }

        // --- strings (TOML spec: "String") ---------------------------------------------------------

        private string ReadBasicString()
        {
            Next();
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd || Peek is '\n' or '\r')
                {
                    throw Error("unterminated string (expected '\"')");
                }

                var c = Next();
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c == '\\')
                {
                    ReadEscape(builder);
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        private string ReadLiteralString()
        {
            Next();
            var start = _pos;
            while (!AtEnd && Peek != '\'' && Peek is not ('\n' or '\r'))
            {
                _pos++;
            }

            if (Peek != '\'')
            {
                throw Error("unterminated string (expected \"'\")");
            }

            var value = text[start.._pos];
            Next();
            return value;
        }

        private string ReadMultilineString(char quote)
        {
            _pos += 3;
            SkipOneNewline();
            var builder = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Error($"unterminated multi-line string (expected {new string(quote, 3)})");
                }

                if (Peek == quote && StartsWith(new string(quote, 3)))
                {
                    // Up to two quotes may end the content right before the closing three.
                    var run = 0;
                    while (_pos + run < text.Length && text[_pos + run] == quote)
                    {
                        run++;
                    }

                    if (run > 5)
                    {
                        throw Error("too many quotes at the end of a multi-line string");
                    }

                    builder.Append(quote, run - 3);
                    _pos += run;
                    return builder.ToString();
                }

                var c = Next();
                if (quote == '"' && c == '\\')
                {
                    if (IsLineEndingBackslash())
                    {
                        SkipSpacesCommentsAndNewlines(comments: false);
                    }
                    else
                    {
                        ReadEscape(builder);
                    }
                }
                else
                {
                    builder.Append(c);
                }
            }
        }

        /// <summary>After a backslash: only spaces or tabs up to the end of the line.</summary>
        private bool IsLineEndingBackslash()
        {
            var i = _pos;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            return i < text.Length && text[i] is '\n' or '\r';
        }

        private void ReadEscape(StringBuilder builder)
        {
            if (AtEnd)
            {
                throw Error("unterminated escape sequence");
            }

            var c = Next();
            switch (c)
            {
                case 'b': builder.Append('\b'); break;
                case 't': builder.Append('\t'); break;
                case 'n': builder.Append('\n'); break;
                case 'f': builder.Append('\f'); break;
                case 'r': builder.Append('\r'); break;
                case 'e': builder.Append('\u001b'); break;
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case 'x': builder.Append(ReadCodePoint(2)); break;
                case 'u': builder.Append(ReadCodePoint(4)); break;
                case 'U': builder.Append(ReadCodePoint(8)); break;
                default: throw Error($"invalid escape sequence '\\{c}'");
            }
        }

        private string ReadCodePoint(int digits)
        {
            if (_pos + digits > text.Length
                || !int.TryParse(text.AsSpan(_pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
            {
                throw Error($"invalid unicode escape (expected {digits} hex digits of a scalar value)");
            }

            _pos += digits;
            return char.ConvertFromUtf32(code);
        }

        // --- characters and whitespace -----------------------------------------------------------

        private int Column => _pos - _lineStart + 1;

        private SyntaxError Error(string message) => new(_line, Column, message);

        private bool StartsWith(string value) => string.CompareOrdinal(text, _pos, value, 0, value.Length) == 0;

        private char Next()
        {
            var c = text[_pos++];
            if (c == '\n')
            {
                _line++;
                _lineStart = _pos;
            }

            return c;
        }

        private void Expect(char expected)
        {
            if (Peek != expected)
            {
                throw Error(AtEnd || Peek is '\n' or '\r' ? $"expected '{expected}' before the end of the line" : $"expected '{expected}', not '{Peek}'");
            }

            Next();
        }

        private void SkipSpaces()
        {
            while (Peek is ' ' or '\t')
            {
                _pos++;
            }
        }

        private void SkipComment()
        {
            while (!AtEnd && Peek is not ('\n' or '\r'))
            {
                _pos++;
            }
        }

        private void SkipOneNewline()
        {
            if (Peek == '\r' && _pos + 1 < text.Length && text[_pos + 1] == '\n')
            {
                _pos++;
            }

            if (Peek == '\n')
            {
                Next();
            }
        }

        private void SkipSpacesCommentsAndNewlines(bool comments = true)
        {
            while (!AtEnd)
            {
                var c = Peek;
                if (c is ' ' or '\t' or '\r')
                {
                    _pos++;
                }
                else if (c == '\n')
                {
                    Next();
                }
                else if (c == '#' && comments)
                {
                    SkipComment();
                }
                else
                {
                    return;
                }
            }
        }

        private void ExpectLineEnd()
        {
            if (AtEnd)
            {
                return;
            }

            if (Peek == '\r' && _pos + 1 < text.Length && text[_pos + 1] == '\n')
            {
                _pos++;
            }

            if (Peek != '\n')
            {
                throw Error($"unexpected '{Peek}' after a value (expected the end of the line)");
            }

            Next();
        }

        private void SkipRestOfLine()
        {
            while (!AtEnd && Peek != '\n')
            {
                _pos++;
            }

            if (!AtEnd)
            {
                Next();
            }
        }
    }
}
