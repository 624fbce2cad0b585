using System.Data.Common;
using Npgsql;

namespace Skillprint.Store.Tests.Harness;

/// <summary>A schema of its own on the server named by SKILLPRINT_TEST_PG (./test.sh starts one
/// and sets it), dropped at the end. Without the variable every PostgreSQL test fails, saying how
/// to start a server: these tests never pass by skipping.</summary>
public sealed class PostgresHarness : EngineHarness
{
    public const string Variable = "SKILLPRINT_TEST_PG";

    private readonly string adminConnectionString;

    public PostgresHarness()
    {
        adminConnectionString = ServerConnectionString();
        Schema = "skillprint_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE SCHEMA {Schema}", admin);
            create.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { SearchPath = Schema, Pooling = false };
        ConnectionString = builder.ConnectionString;
        Location = StoreLocation.Postgres(ConnectionString, "test") with { BusyTimeout = TestBusyTimeout };
    }

    public string Schema { get; }

    public string ConnectionString { get; }

    public override StoreEngine Engine => StoreEngine.Postgres;

    public override StoreLocation Location { get; }

    /// <summary>The server's connection string from SKILLPRINT_TEST_PG, with pooling off.</summary>
    public static string ServerConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            throw new InvalidOperationException(
                $"{Variable} is not set{(ci ? " (CI=true)" : "")}: the PostgreSQL store tests need a server. "
                + "Run ./test.sh, which starts one and sets it; or start PostgreSQL yourself and export "
                + $"{Variable}=\"Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres\".");
        }

        return new NpgsqlConnectionStringBuilder(value) { Pooling = false }.ConnectionString;
    }

    public override DbConnection OpenRaw()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public override IDisposable HoldWriteLock()
    {
        var connection = (NpgsqlConnection)OpenRaw();
        using var begin = new NpgsqlCommand(
            "BEGIN; LOCK TABLE persons, person_emails, self_assessments, manual_evidence, settings IN EXCLUSIVE MODE",
            connection);
        begin.ExecuteNonQuery();
        return connection;
    }

    public override string KillWriterMidTransaction(string sql)
    {
        var writer = (NpgsqlConnection)OpenRaw();
        try
        {
            using (var begin = new NpgsqlCommand("BEGIN", writer))
            {
                begin.ExecuteNonQuery();
            }

            using (var write = new NpgsqlCommand(sql, writer))
            {
                write.ExecuteNonQuery();
            }

            using var killer = new NpgsqlConnection(adminConnectionString);
            killer.Open();
            using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", killer);
            kill.Parameters.AddWithValue("pid", writer.ProcessID);
            var killed = (bool)kill.ExecuteScalar()!;
            return killed ? "the writer's backend was terminated" : "the writer's backend could not be terminated";
        }
        finally
        {
            try
            {
                writer.Dispose();
            }
            catch (NpgsqlException)
            {
                // The backend is gone; closing the client side may complain.
            }
        }
    }

    public override void Dispose()
    {
        using var admin = new NpgsqlConnection(adminConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", admin);
        drop.ExecuteNonQuery();
    }
}
