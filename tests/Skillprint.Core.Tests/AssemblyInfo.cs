namespace Skillprint.Core.Tests;
