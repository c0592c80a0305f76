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
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
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
