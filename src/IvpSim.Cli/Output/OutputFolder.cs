using IvpSim.Data;

namespace IvpSim.Cli.Output;

/// <summary>
/// Writes a result folder all at once: everything goes to a hidden sibling folder first and is moved into place
/// only when complete, so a failed run never leaves a half-written folder. An existing folder is replaced only
/// if IvpSim made it (it holds <see cref="Marker"/>, which lists the files IvpSim wrote) and holds nothing else:
/// a file someone added is never deleted.
/// </summary>
public static class OutputFolder
{
    public const string Marker = ".ivpsim-output";

    /// <summary>Fails early, before any work, if <paramref name="target"/> may not be written.</summary>
    public static void EnsureWritable(string target)
    {
        var full = Path.GetFullPath(target);
        if (File.Exists(full))
            throw new InputException(target, null, null, "is een bestand, geen map; kies een andere --out");
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
                throw new InputException(target, null, null, $"{parent} is een bestand, geen map; kies een andere --out");
        }
        if (!Directory.Exists(full) || !Directory.EnumerateFileSystemEntries(full).Any()) return;
        var marker = Path.Combine(full, Marker);
        if (!File.Exists(marker))
        {
            throw new InputException(target, null, null,
                "map bestaat al en is niet door IvpSim gemaakt; kies een andere --out (er wordt niets overschreven)");
        }
        var listed = Listed(marker);
        var foreign = Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(full, f).Replace('\\', '/'))
            .Where(f => f != Marker && !(listed?.Contains(f) ?? IsOlderOutput(f))).Order(StringComparer.Ordinal).ToArray();
        if (foreign.Length > 0)
        {
            throw new InputException(target, null, null,
                $"map bevat bestanden die IvpSim niet gemaakt heeft ({string.Join(", ", foreign.Take(3))}{(foreign.Length > 3 ? " …" : "")}); " +
                "verplaats ze of kies een andere --out (er wordt niets overschreven)");
        }
    }

    private const string ListHeader = "# bestanden die IvpSim schreef";

    /// <summary>The files the marker lists; null for a marker of an older IvpSim, which listed none.</summary>
    private static HashSet<string>? Listed(string marker)
    {
        var lines = File.ReadAllLines(marker);
        var start = Array.FindIndex(lines, l => l.StartsWith(ListHeader, StringComparison.Ordinal));
        return start < 0 ? null : lines.Skip(start + 1).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>An older IvpSim's folder: the kinds of files it wrote count as its own.</summary>
    private static bool IsOlderOutput(string file) => Path.GetExtension(file) is ".csv" or ".png" or ".txt";

    public static void Write(string target, Action<string> writeInto)
    {
        EnsureWritable(target);
        var full = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(full);
        var staging = Path.Combine(parent, $".{name}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            writeInto(staging);
            var written = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(staging, f).Replace('\\', '/')).Order(StringComparer.Ordinal);
            File.WriteAllText(Path.Combine(staging, Marker), "Gemaakt door IvpSim; deze map mag door een nieuwe run worden vervangen.\n" +
                $"{ListHeader} (andere bestanden in de map houden een nieuwe run tegen):\n" +
                string.Concat(written.Select(f => f + "\n")));
            if (Directory.Exists(full))
            {
                var old = Path.Combine(parent, $".{name}.old-{Guid.NewGuid():N}");
                Directory.Move(full, old);
                Directory.Move(staging, full);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(staging, full);
            }
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
    }
}
