namespace Skillprint.Cli.Tests;
