using Npgsql;
using Skillprint.Store;

namespace Skillprint.Server.Tests.Harness;

/// <summary>A schema of its own on the PostgreSQL server named by SKILLPRINT_TEST_PG, dropped at the
/// end. Without the variable the test fails saying how to start a server: it never passes by skipping.</summary>
public sealed class PostgresSchema : IDisposable
{
    public const string Variable = "SKILLPRINT_TEST_PG";

    private readonly string admin;

    public PostgresSchema()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set: the PostgreSQL server tests need a server. Run ./test.sh, which starts one and sets it; "
                + $"or start PostgreSQL yourself and export {Variable}=\"Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres\".");
        }

        admin = new NpgsqlConnectionStringBuilder(value) { Pooling = false }.ConnectionString;
        Schema = "skillprint_server_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {Schema}", connection);
            create.ExecuteNonQuery();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(value) { SearchPath = Schema }.ConnectionString;
        Location = StoreLocation.Postgres(ConnectionString, "test");
    }

    public string Schema { get; }

    public string ConnectionString { get; }

    public StoreLocation Location { get; }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(admin);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        drop.ExecuteNonQuery();
    }
}
