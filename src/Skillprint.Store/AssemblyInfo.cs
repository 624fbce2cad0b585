using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Skillprint.Store.Tests")]

namespace Skillprint.Store;
