namespace Skillprint.Store.Tests;
