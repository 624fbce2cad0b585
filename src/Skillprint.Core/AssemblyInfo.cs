namespace Skillprint.Core;
