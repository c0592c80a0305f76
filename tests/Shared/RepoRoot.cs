namespace IvpSim.Tests.Shared;

/// <summary>The repository's root folder, found from a test's output folder (shared by all test projects).</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Scenario(string name) => System.IO.Path.Combine(Path, "scenarios", name);

    public static string Data(string file) => System.IO.Path.Combine(Path, "scenarios", "data", file);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "IvpSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("IvpSim.sln not found above the test folder");
    }
}
