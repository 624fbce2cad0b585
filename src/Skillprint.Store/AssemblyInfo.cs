namespace Skillprint.Store;
