namespace Skillprint.Bench;

/// <summary>
/// Benchmarks that print our figures beside a peer's, measured in the same run.
/// <c>dotnet run -c Release --project bench/Skillprint.Bench -- parse [--corpus DIR] [--runs N]</c>;
/// <c>... -- scan [--corpus DIR] [--commits N]</c>; <c>... -- open-check [--db FILE] [--corpus DIR] [--runs N]</c>;
/// <c>... -- blame REPOSITORY... [--sample N]</c>; <c>... -- toml [--files N] [--runs N]</c> (docs/performance.md);
/// <c>... -- startup [--cli PATH] [--runs N] [--corpus DIR]</c>; <c>... -- memory [--cli PATH] [--files N]</c>;
/// <c>... -- load --pg CONNECTION</c> (docs/performance.md, "Server under load"); <c>... -- pages --pg CONNECTION</c>; <c>... -- levels --clones DIR</c> (docs/levels.md);
/// <c>... -- push --pg CONNECTION</c> (docs/performance.md, "Push at scale")
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && string.Equals(args[0], "parse", StringComparison.Ordinal))
        {
            return ParseBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "scan", StringComparison.Ordinal))
        {
            return ScanBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "open-check", StringComparison.Ordinal))
        {
            return OpenCheckBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "blame", StringComparison.Ordinal))
        {
            return BlameBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "toml", StringComparison.Ordinal))
        {
            return TomlBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "startup", StringComparison.Ordinal))
        {
            return StartupBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "memory", StringComparison.Ordinal))
        {
            return MemoryBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "load", StringComparison.Ordinal))
        {
            return LoadBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "pages", StringComparison.Ordinal))
        {
            return PagesBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "teams", StringComparison.Ordinal))
        {
            return TeamsBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "push", StringComparison.Ordinal))
        {
            return PushBenchmark.Run(args[1..], Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "levels", StringComparison.Ordinal))
        {
            return LevelCalibration.Run(args[1..], Console.Out, Console.Error);
        }

        Console.Error.WriteLine("usage: Skillprint.Bench parse [--corpus DIR] [--runs N] | scan [--corpus DIR] [--commits N] | open-check [--db FILE] [--corpus DIR] [--runs N] | blame REPOSITORY... [--sample N] | toml [--files N] [--runs N] [--suite DIR] [--list] | startup [--cli PATH] [--runs N] [--corpus DIR] | memory [--cli PATH] [--files N] | load --pg CONNECTION [--people N] [--hits N] [--seconds S] [--connections C] | pages --pg CONNECTION [--people N] [--hits N] [--requests N] | teams --pg CONNECTION [--people N] [--hits N] [--teams N] [--seconds S] [--connections C] | push --pg CONNECTION [--hits N] [--concurrent C] [--rounds R] [--people N] [--background-hits N] | levels --clones DIR");
        return 2;
    }
}
