namespace IvpSim.Cli.Tests;

/// <summary>A copy of the shipped scenarios folder (scenarios, catalogue, data) for a test to change without touching the repository.</summary>
internal static class ScenarioCopy
{
    public static string Into(string dir)
    {
        var from = Path.Combine(RepoRoot.Path, "scenarios");
        var folder = Path.Combine(dir, "scenarios");
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return folder;
    }
}
