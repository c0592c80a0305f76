using IvpSim.Data;

namespace IvpSim.Cli.Output;

/// <summary>
/// Writes a result folder all at once: everything goes to a hidden sibling folder first and is moved into place
/// only when complete, so a failed run never leaves a half-written folder. An existing folder is replaced only
/// if IvpSim made it (it holds <see cref="Marker"/>); anything else is the user's and is left alone.
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
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any() &&
            !File.Exists(Path.Combine(full, Marker)))
        {
            throw new InputException(target, null, null,
                "map bestaat al en is niet door IvpSim gemaakt; kies een andere --out (er wordt niets overschreven)");
        }
    }

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
            File.WriteAllText(Path.Combine(staging, Marker), "Gemaakt door IvpSim; deze map mag door een nieuwe run worden vervangen.\n");
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
