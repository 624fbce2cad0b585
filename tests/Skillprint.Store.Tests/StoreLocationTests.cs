namespace Skillprint.Store.Tests;

public sealed class StoreLocationTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_default_is_under_XDG_DATA_HOME()
    {
        var location = StoreLocation.Resolve(null, Environment(("XDG_DATA_HOME", "/data/ada"), ("HOME", "/home/ada")));

        location.Engine.ShouldBe(StoreEngine.Sqlite);
        location.Target.ShouldBe("/data/ada/skillprint/skillprint.db");
        location.Source.ShouldBe("default");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative/data")]
    public void Without_a_usable_XDG_DATA_HOME_the_default_is_under_the_home_folder(string? xdg)
    {
        var location = StoreLocation.Resolve(null, name => name switch
        {
            "XDG_DATA_HOME" => xdg,
            "HOME" => "/home/ada",
            _ => null,
        });

        location.Target.ShouldBe("/home/ada/.local/share/skillprint/skillprint.db");
    }

    [Fact]
    public void The_variable_overrides_the_default_and_the_option_overrides_both()
    {
        var environment = Environment(("SKILLPRINT_DB", "/srv/team.db"), ("HOME", "/home/ada"));

        var fromVariable = StoreLocation.Resolve(null, environment);
        fromVariable.Target.ShouldBe("/srv/team.db");
        fromVariable.Source.ShouldBe("SKILLPRINT_DB");

        var fromOption = StoreLocation.Resolve("/tmp/mine.db", environment);
        fromOption.Target.ShouldBe("/tmp/mine.db");
        fromOption.Source.ShouldBe("--db");
    }

    [Fact]
    public void An_empty_variable_counts_as_unset()
    {
        StoreLocation.Resolve(null, Environment(("SKILLPRINT_DB", "  "), ("HOME", "/home/ada"))).Source.ShouldBe("default");
    }

    [Fact]
    public void Paths_are_made_absolute_and_a_leading_tilde_is_the_home_folder()
    {
        StoreLocation.Resolve("~/skills.db", Environment(("HOME", "/home/ada"))).Target.ShouldBe("/home/ada/skills.db");
        StoreLocation.Resolve("skills.db", Environment()).Target.ShouldBe(Path.Combine(Directory.GetCurrentDirectory(), "skills.db"));
    }

    [Fact]
    public void An_empty_option_is_an_error_naming_the_option()
    {
        var error = Should.Throw<StoreException>(() => StoreLocation.Resolve("", Environment()));

        error.Fault.ShouldBe(StoreFault.InvalidLocation);
        error.Message.ShouldBe("--db: the database location is empty");
    }

    [Theory]
    [InlineData("Host=db.example;Port=5433;Username=ada;Password=secret;Database=skills")]
    [InlineData("host=db.example;port=5433;username=ada;password=secret;database=skills")]
    [InlineData("postgresql://ada:secret@db.example:5433/skills")]
    [InlineData("postgres://ada:secret@db.example:5433/skills")]
    public void A_postgres_connection_string_or_url_selects_postgres(string text)
    {
        var location = StoreLocation.Resolve(null, Environment(("SKILLPRINT_DB", text)));

        location.Engine.ShouldBe(StoreEngine.Postgres);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(location.Target);
        builder.Host.ShouldBe("db.example");
        builder.Port.ShouldBe(5433);
        builder.Username.ShouldBe("ada");
        builder.Password.ShouldBe("secret");
        builder.Database.ShouldBe("skills");
        location.Display.ShouldBe("PostgreSQL database skills at db.example:5433");
        location.Display.ShouldNotContain("secret");
    }

    [Fact]
    public void A_url_is_decoded_and_its_parameters_are_carried_over()
    {
        var location = StoreLocation.Parse(
            "postgresql://ada%40corp:p%3Ass%2Fw@[::1]/my%20skills?sslmode=verify-full&application_name=skillprint&connect_timeout=7&search_path=team",
            "--db");

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(location.Target);
        builder.Host.ShouldBe("::1");
        builder.Port.ShouldBe(5432);
        builder.Username.ShouldBe("ada@corp");
        builder.Password.ShouldBe("p:ss/w");
        builder.Database.ShouldBe("my skills");
        builder.SslMode.ShouldBe(Npgsql.SslMode.VerifyFull);
        builder.ApplicationName.ShouldBe("skillprint");
        builder.Timeout.ShouldBe(7);
        builder.SearchPath.ShouldBe("team");
    }

    [Theory]
    [InlineData("postgresql://db.example/skills?sslmode=sometimes", "SKILLPRINT_DB is not a valid PostgreSQL URL: sslmode 'sometimes' is not one of disable, allow, prefer, require, verify-ca, verify-full")]
    [InlineData("postgresql://db.example/skills?pool=9", "SKILLPRINT_DB is not a valid PostgreSQL URL: the URL parameter 'pool' is not supported (known: sslmode, application_name, connect_timeout, search_path)")]
    [InlineData("postgresql:///skills", "SKILLPRINT_DB is not a valid PostgreSQL URL: it is not a URL of the form postgresql://user:password@host:port/database")]
    [InlineData("Host=db.example;Colour=blue", "SKILLPRINT_DB is not a valid PostgreSQL connection string: ")]
    public void A_bad_postgres_location_is_an_error_naming_where_it_came_from(string text, string message)
    {
        var error = Should.Throw<StoreException>(() => StoreLocation.Resolve(null, Environment(("SKILLPRINT_DB", text))));

        error.Fault.ShouldBe(StoreFault.InvalidLocation);
        error.Message.ShouldStartWith(message);
    }
}
