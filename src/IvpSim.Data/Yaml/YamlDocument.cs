using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace IvpSim.Data.Yaml;

/// <summary>Loads a YAML file whose root is a mapping, turning parser errors into one-line input errors.</summary>
public static class YamlDocument
{
    public static YamlMap LoadRoot(string path)
    {
        if (!File.Exists(path))
            throw new InputException(path, null, null, "bestand bestaat niet");
        using var reader = new StreamReader(path);
        return Load(path, reader);
    }

    /// <summary>A YAML text that did not come from a file (a request body); <paramref name="name"/> is what errors call it.</summary>
    public static YamlMap LoadText(string name, string text)
    {
        using var reader = new StringReader(text);
        return Load(name, reader);
    }

    private static YamlMap Load(string path, TextReader reader)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            var message = (ex.InnerException?.Message ?? ex.Message).Split('\n')[0];
            if (message.StartsWith("Duplicate key ", StringComparison.Ordinal))
                throw new InputException(path, (int)ex.Start.Line, message["Duplicate key ".Length..], "dubbele sleutel");
            throw new InputException(path, (int)ex.Start.Line, null, $"YAML-fout (kolom {ex.Start.Column}): {message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InputException(path, 1, null, "het bestand moet een mapping (sleutel: waarde) bevatten");
        return new YamlMap(path, "", root);
    }
}
