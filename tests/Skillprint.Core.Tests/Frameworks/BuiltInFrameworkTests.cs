using Skillprint.Core.Frameworks;

namespace Skillprint.Core.Tests.Frameworks;

/// <summary>The frameworks embedded in the build load without an error.</summary>
public sealed class BuiltInFrameworkTests
{
    [Fact]
    public void Python_is_built_in()
    {
        BuiltInFrameworks.Names.ShouldContain("python");
    }

    [Fact]
    public void The_built_in_python_framework_loads_without_errors()
    {
        var result = BuiltInFrameworks.Load("python");

        result.Errors.Select(error => error.ToDisplayString()).ShouldBeEmpty();
        var framework = result.Framework.ShouldNotBeNull();
        framework.Id.ShouldBe("python");
        framework.FindSkill("async.queue").ShouldNotBeNull().Level.ShouldBe(Level.Advanced);
        framework.FindSkill("fundamentals.metaclass").ShouldNotBeNull().Level.ShouldBe(Level.Expert);
    }

    [Fact]
    public void The_content_folder_and_the_embedded_copy_load_alike()
    {
        var fromFolder = FrameworkLoader.LoadFolder(Path.Join(FixtureFolders.Repository, "content", "python"));
        var embedded = BuiltInFrameworks.Load("python");

        fromFolder.Errors.Select(error => error.ToString()).ShouldBe(embedded.Errors.Select(error => error.ToString()));
        fromFolder.Framework?.Skills.Select(skill => skill.Id).ShouldBe(embedded.Framework?.Skills.Select(skill => skill.Id));
    }

    [Fact]
    public void An_unknown_built_in_name_is_an_error()
    {
        var result = BuiltInFrameworks.Load("cobol");

        result.Framework.ShouldBeNull();
        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("there is no built-in framework 'cobol'");
    }
}
