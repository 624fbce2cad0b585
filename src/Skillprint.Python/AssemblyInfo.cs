namespace Skillprint.Python;
