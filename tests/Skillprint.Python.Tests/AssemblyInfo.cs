namespace Skillprint.Python.Tests;
