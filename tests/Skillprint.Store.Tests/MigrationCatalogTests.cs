using Skillprint.Store.Migrations;

namespace Skillprint.Store.Tests;

public sealed class MigrationCatalogTests
{
    [Fact]
    public void Both_engines_have_the_same_numbered_migrations_from_one_without_gaps()
    {
        var migrations = MigrationCatalog.All;

        migrations.Select(m => m.Version).ShouldBe(Enumerable.Range(1, migrations.Count));
        migrations.Select(m => m.Name).ShouldBe(["people", "scans", "growth", "scan_rules", "evidence_ids", "role_grades", "file_stamps", "accounts", "hits_by_author_framework", "teams", "team_tokens_identities", "settings", "audit"]);
        migrations.ShouldAllBe(m => m.SqliteScript.Contains(';') && m.PostgresScript.Contains(';'));
        SkillprintStore.LatestSchemaVersion.ShouldBe(migrations.Count);
    }
}
