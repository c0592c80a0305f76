using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace IvpSim.Data.Yaml;

/// <summary>
/// A YAML mapping read field by field, so that every problem names the file, the line and the field.
/// Unknown keys are errors (a typo must not silently fall back to a default).
/// </summary>
public sealed class YamlMap
{
    private readonly string _file;
    private readonly string _path;
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = [];
    private readonly HashSet<string> _used = [];

    public YamlMap(string file, string path, YamlMappingNode node)
    {
        _file = file;
        _path = path;
        Node = node;
        foreach (var (key, value) in node.Children)
        {
            var name = key is YamlScalarNode s ? s.Value ?? "" : "";
            if (!_entries.TryAdd(name, (key, value)))
            {
                throw Error(key, name, "dubbele sleutel");
            }
        }
    }

    public YamlMappingNode Node { get; }

    public int Line => (int)Node.Start.Line;

    public IEnumerable<string> Keys => _entries.Keys;

    public bool Has(string key) => _entries.ContainsKey(key);

    public string FieldPath(string key) => _path.Length == 0 ? key : $"{_path}.{key}";

    public InputException Error(YamlNode at, string key, string problem) =>
        new(_file, (int)at.Start.Line, FieldPath(key), problem);

    public InputException ErrorAt(string key, string problem) =>
        _entries.TryGetValue(key, out var e) ? Error(e.Value, key, problem) : new(_file, Line, FieldPath(key), problem);

    public string? OptionalString(string key)
    {
        if (!_entries.TryGetValue(key, out var e)) return null;
        _used.Add(key);
        if (e.Value is not YamlScalarNode scalar)
            throw Error(e.Value, key, "verwacht een tekst of getal");
        return scalar.Value;
    }

    public string RequiredString(string key) =>
        OptionalString(key) is { Length: > 0 } s ? s : throw ErrorAt(key, "ontbreekt of is leeg");

    /// <summary>An id: it ends up in file names and CSV fields, so only letters, digits, '-' and '_'.</summary>
    public string RequiredId(string key)
    {
        var id = RequiredString(key);
        return id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? id : throw ErrorAt(key, $"'{id}' mag alleen letters, cijfers, '-' en '_' bevatten");
    }

    public double? OptionalDouble(string key, double min = double.MinValue, double max = double.MaxValue)
    {
        var text = OptionalString(key);
        if (text is null) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            throw ErrorAt(key, $"'{text}' is geen getal");
        if (v < min || v > max)
            throw ErrorAt(key, $"{text} ligt niet tussen {min.ToString(CultureInfo.InvariantCulture)} en {max.ToString(CultureInfo.InvariantCulture)}");
        return v;
    }

    public long? OptionalInteger(string key, long min, long max)
    {
        var text = OptionalString(key);
        if (text is null) return null;
        if (!long.TryParse(text.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw ErrorAt(key, $"'{text}' is geen geheel getal");
        if (v < min || v > max)
            throw ErrorAt(key, $"{text} ligt niet tussen {min} en {max}");
        return v;
    }

    public YamlMap? OptionalMap(string key)
    {
        if (!_entries.TryGetValue(key, out var e)) return null;
        _used.Add(key);
        return e.Value is YamlMappingNode m
            ? new YamlMap(_file, FieldPath(key), m)
            : throw Error(e.Value, key, "verwacht een mapping (sleutel: waarde)");
    }

    public YamlSequenceNode? OptionalSequence(string key)
    {
        if (!_entries.TryGetValue(key, out var e)) return null;
        _used.Add(key);
        return e.Value as YamlSequenceNode ?? throw Error(e.Value, key, "verwacht een lijst");
    }

    /// <summary>A list of scalars (<c>[a, b]</c> or one per line); a single scalar counts as a list of one.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> OptionalStringList(string key)
    {
        if (!_entries.TryGetValue(key, out var e)) return [];
        _used.Add(key);
        return e.Value switch
        {
            YamlScalarNode scalar => [(scalar.Value ?? "", scalar)],
            YamlSequenceNode seq => [.. seq.Children.Select(c => c is YamlScalarNode sc
                ? (sc.Value ?? "", (YamlNode)sc)
                : throw Error(c, key, "verwacht een lijst van teksten"))],
            _ => throw Error(e.Value, key, "verwacht een lijst"),
        };
    }

    /// <summary>A list of mappings, each read as a <see cref="YamlMap"/> with path <c>key[i]</c>.</summary>
    public IReadOnlyList<YamlMap> OptionalMapList(string key)
    {
        var seq = OptionalSequence(key);
        if (seq is null) return [];
        return [.. seq.Children.Select((c, i) => c is YamlMappingNode m
            ? new YamlMap(_file, $"{FieldPath(key)}[{i + 1}]", m)
            : throw Error(c, $"{key}[{i + 1}]", "verwacht een mapping (sleutel: waarde)"))];
    }

    /// <summary>The file this map was read from.</summary>
    public string File => _file;

    /// <summary>Fails on the first key that no reader asked for: most likely a typo.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (name, entry) in _entries)
        {
            if (!_used.Contains(name))
                throw Error(entry.Key, name, "onbekend veld");
        }
    }
}
