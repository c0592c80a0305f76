namespace IvpSim.Model.Tests;

/// <summary>Keeps the model library pure: no Orleans, no IO, no ambient time or randomness.</summary>
public sealed class ArchitectureTests
{
    [Theory]
    [InlineData("using Orleans")]
    [InlineData("System.IO")]
    [InlineData("File.")]
    [InlineData("Directory.")]
    [InlineData("Console.")]
    [InlineData("DateTime.Now")]
    [InlineData("DateTime.UtcNow")]
    [InlineData("new Random(")]
    [InlineData("Random.Shared")]
    public void Should_not_use_forbidden_code_When_scanning_the_model_sources(string forbidden)
    {
        var sources = Directory.GetFiles(Path.Combine(RepoRoot.Path, "src", "IvpSim.Model"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToArray();
        Assert.NotEmpty(sources);
        var offenders = sources.Where(f => File.ReadAllText(f).Contains(forbidden, StringComparison.Ordinal)).ToArray();
        Assert.True(offenders.Length == 0, $"'{forbidden}' in {string.Join(", ", offenders)}");
    }
}
