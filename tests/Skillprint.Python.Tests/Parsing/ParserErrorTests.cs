namespace Skillprint.Python.Tests.Parsing;

/// <summary>
/// Where CPython 3.13 raises SyntaxError, the first diagnostic names the same line and column
/// (0-based, CPython's offset - 1) with CPython's message. Each expectation was read from
/// <c>ast.parse</c> of CPython 3.13.
/// </summary>
public sealed class ParserErrorTests
{
    [Theory]
    [InlineData("def f(a=1, b): pass", 1, 11, "parameter without a default follows parameter with a default")]
    [InlineData("lambda x=1, y: 1", 1, 12, "parameter without a default follows parameter with a default")]
    [InlineData("def f(*a=1): pass", 1, 8, "var-positional argument cannot have default value")]
    [InlineData("def f(**a=1): pass", 1, 9, "var-keyword argument cannot have default value")]
    [InlineData("def f(*, **k): pass", 1, 6, "named arguments must follow bare *")]
    [InlineData("def f(a, /, /): pass", 1, 12, "/ may appear only once")]
    [InlineData("def f(*a, *b): pass", 1, 10, "* argument may appear only once")]
    [InlineData("def f(*, a, /): pass", 1, 12, "/ must be ahead of *")]
    [InlineData("def f[](): pass", 1, 6, "Type parameter list cannot be empty")]
    public void ParameterErrors(string source, int line, int column, string message) =>
        Check(source, line, column, message);

    [Theory]
    [InlineData("f(a=1, b)", 1, 8, "positional argument follows keyword argument")]
    [InlineData("f(**a, b)", 1, 8, "positional argument follows keyword argument unpacking")]
    [InlineData("f(**a, b=1, *c)", 1, 10, "iterable argument unpacking follows keyword argument unpacking")]
    [InlineData("f(a for a in b, c)", 1, 2, "Generator expression must be parenthesized")]
    [InlineData("f(a.b=1)", 1, 2, "expression cannot contain assignment, perhaps you meant \"==\"?")]
    [InlineData("f(True=1)", 1, 2, "cannot assign to True")]
    public void ArgumentErrors(string source, int line, int column, string message) =>
        Check(source, line, column, message);

    [Theory]
    [InlineData("f() = 1", 1, 0, "cannot assign to function call here. Maybe you meant '==' instead of '='?")]
    [InlineData("a + 1 = 2", 1, 0, "cannot assign to expression here. Maybe you meant '==' instead of '='?")]
    [InlineData("(a, f()) = 1", 1, 4, "cannot assign to function call")]
    [InlineData("a = 1 = 2", 1, 4, "cannot assign to literal")]
    [InlineData("None = 1", 1, 0, "cannot assign to None")]
    [InlineData("x = yield = 1", 1, 4, "assignment to yield expression not possible")]
    [InlineData("del f()", 1, 4, "cannot delete function call")]
    [InlineData("for f() in x: pass", 1, 4, "cannot assign to function call")]
    [InlineData("with a as f(): pass", 1, 10, "cannot assign to function call")]
    [InlineData("a, b += 1", 1, 0, "'tuple' is an illegal expression for augmented assignment")]
    [InlineData("[a, b]: int", 1, 0, "only single target (not list) can be annotated")]
    [InlineData("f(): int", 1, 0, "illegal target for annotation")]
    [InlineData("a.b := 1", 1, 0, "cannot use assignment expressions with attribute")]
    [InlineData("if x = 1:\n  pass", 1, 3, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?")]
    [InlineData("if f() = 1:\n  pass", 1, 3, "cannot assign to function call here. Maybe you meant '==' instead of '='?")]
    public void TargetErrors(string source, int line, int column, string message) =>
        Check(source, line, column, message);

    [Theory]
    [InlineData("print \"x\"", 1, 0, "Missing parentheses in call to 'print'. Did you mean print(...)?")]
    [InlineData("exec \"code\"", 1, 0, "Missing parentheses in call to 'exec'. Did you mean exec(...)?")]
    [InlineData("if x\n  pass", 1, 4, "expected ':'")]
    [InlineData("if x:\npass", 2, 0, "expected an indented block after 'if' statement on line 1")]
    [InlineData("def f():\nreturn 1", 2, 0, "expected an indented block after function definition on line 1")]
    [InlineData("try:\n  pass\nx = 1", 3, 0, "expected 'except' or 'finally' block")]
    [InlineData("try:\n  pass\nexcept:\n  pass\nexcept* E:\n  pass", 5, 0, "cannot have both 'except' and 'except*' on the same 'try'")]
    [InlineData("x = (1 if 2)", 1, 5, "expected 'else' after 'if' expression")]
    [InlineData("a b", 1, 2, "invalid syntax")]
    [InlineData("x = 1 +", 1, 7, "invalid syntax")]
    [InlineData("(*a)", 1, 1, "cannot use starred expression here")]
    [InlineData("[*a for a in b]", 1, 1, "iterable unpacking cannot be used in comprehension")]
    [InlineData("\"a\" b\"c\"", 1, 8, "cannot mix bytes and nonbytes literals")]
    [InlineData("from x import a,", 1, 16, "trailing comma not allowed without surrounding parentheses")]
    [InlineData("x = 1\n    y = 2", 2, 3, "unexpected indent")]
    [InlineData("match x:\n  case 1 as _:\n    pass", 2, 12, "cannot use '_' as a target")]
    [InlineData("x = {1: 2, 3}", 1, 11, "':' expected after dictionary key")]
    [InlineData("try:\n  pass\nexcept A, B as e:\n  pass", 3, 7, "multiple exception types must be parenthesized when using 'as'")]
    public void StatementErrors(string source, int line, int column, string message) =>
        Check(source, line, column, message);

    [Theory]
    [InlineData("foo(", 1, 3, "'(' was never closed")]
    [InlineData("x = [1, 2\ny = 3", 1, 4, "'[' was never closed")]
    [InlineData("class A(:\n  pass", 1, 8, "invalid syntax")]
    public void UnclosedBracketsWinOnlyWhereCPythonLetsThem(string source, int line, int column, string message) =>
        Check(source, line, column, message);

    [Theory]
    [InlineData("x = [1 2]\n", 1, 5, "invalid syntax. Perhaps you forgot a comma?")]
    [InlineData("f(a b)", 1, 2, "invalid syntax. Perhaps you forgot a comma?")]
    [InlineData("def f((a)): pass", 1, 6, "Function parameters cannot be parenthesized")]
    [InlineData("\"\"\"doc\"\"\" =\n", 1, 0, "cannot assign to literal")]
    [InlineData("def f():\n    # c\n", 2, 7, "expected an indented block after function definition on line 1")]
    public void SecondPassMessagesAndEndOfInput(string source, int line, int column, string message) =>
        Check(source, line, column, message);

    [Theory]
    [InlineData("print \"x\"\ny = \"abc\n", 2, 4, "unterminated string literal (detected at line 2)")]
    [InlineData("f() = 1\ny = 1\u20ac\n", 2, 5, "invalid character '\u20ac' (U+20AC)")]
    [InlineData("a b\nc = 0777\n", 2, 4, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")]
    [InlineData("for x in y z:\n  pass\n    y = \"", 3, 8, "unterminated string literal (detected at line 3)")]
    [InlineData("x = (1,\nif x:\n  pass\n", 1, 4, "'(' was never closed")]
    [InlineData("x = 1\n  y = 2\nz = \"a", 2, 1, "unexpected indent")]
    public void ATokenizerErrorLaterInTheFileWinsAsInCPython(string source, int line, int column, string message) =>
        Check(source, line, column, message);

    [Theory]
    [InlineData("nonlocal x")]
    [InlineData("return 1")]
    [InlineData("yield x")]
    [InlineData("await x")]
    [InlineData("break")]
    public void CompilerLevelErrorsAreNotParserErrors(string source)
    {
        PythonParser.Parse(source).Success.ShouldBeTrue();
    }

    private static void Check(string source, int line, int column, string message)
    {
        var result = PythonParser.Parse(source);
        result.Success.ShouldBeFalse($"source: {source}");
        var first = result.Diagnostics[0];
        first.ShouldBe(new Diagnostic(line, column, message), $"source: {source}");
    }
}
