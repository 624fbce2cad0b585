using Skillprint.Python.Syntax;

namespace Skillprint.Python.Tests.Fuzz;

/// <summary>What came of one guarded parse.</summary>
internal enum GuardedOutcome
{
    Returned,
    Threw,
    Hung,
}

/// <summary>
/// Parses on a thread of its own with an ordinary 1 MB stack (smaller than a main thread's), so
/// that a recursion the parser does not bound shows up here, and waits at most a time limit, so a
/// hang is reported instead of stopping the test run. With <c>walk</c>, the tree is also walked
/// once, as a scan would. An "internal parser error" diagnostic counts as a throw.
/// </summary>
internal static class GuardedParser
{
    private const int StackSize = 1024 * 1024;

    public static (GuardedOutcome Outcome, ParseResult? Result, Exception? Error) Parse(byte[] bytes, TimeSpan limit, bool walk)
    {
        ParseResult? result = null;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = PythonParser.Parse(bytes);

                    // The parser turns a bug of its own into this diagnostic instead of throwing; for
                    // the fuzz test that is as much a failure as an exception.
                    foreach (var diagnostic in result.Diagnostics)
                    {
                        if (diagnostic.Message.StartsWith(Parsing.Recovery.InternalErrorPrefix, StringComparison.Ordinal))
                        {
                            throw new InvalidOperationException($"{diagnostic.Line}:{diagnostic.Column}: {diagnostic.Message}");
                        }
                    }

                    if (walk)
                    {
                        new NodeCounter().Visit(result.Module);
                    }
                }
                catch (Exception e)
                {
                    error = e;
                }
            },
            StackSize)
        {
            IsBackground = true,
        };
        thread.Start();
        if (!thread.Join(limit))
        {
            return (GuardedOutcome.Hung, null, null);
        }

        return error is null ? (GuardedOutcome.Returned, result, null) : (GuardedOutcome.Threw, null, error);
    }

    private sealed class NodeCounter : SyntaxWalker
    {
        public int Count { get; private set; }

        public override void Visit(Node? node)
        {
            Count++;
            base.Visit(node);
        }
    }
}
