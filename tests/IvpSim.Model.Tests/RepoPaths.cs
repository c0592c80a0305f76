namespace IvpSim.Model.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Data(string file) => Path.Combine(Root, "scenarios", "data", file);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "IvpSim.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("IvpSim.sln not found above the test folder");
    }
}
