using System.Globalization;
using System.Text;
using IvpSim.Model.Domain;

namespace IvpSim.Data.Import;

public enum ImportFormat
{
    Auto,
    IvpSim,
    Cbs,
}

/// <summary>
/// <c>data import</c>: reads an IvpSim long CSV or a CBS export and writes IvpSim's long CSV. The target is written
/// to a temporary file and moved into place, and an existing file is only replaced with <c>force</c>.
/// </summary>
public static class DataImport
{
    public static ImportResult Run(string input, ImportFormat format, string output, bool force)
    {
        if (File.Exists(output) && !force)
            throw new InputException(output, null, null, "bestaat al; kies een andere --out of gebruik --force om het te vervangen");
        if (Directory.Exists(output)) throw new InputException(output, null, null, "is een map; geef een bestandsnaam");
        var result = Read(input, format);
        if (result.Observations.IsEmpty)
            throw new InputException(input, null, null, "bevat geen bruikbare waarnemingen (alleen ontbrekende waarden of onvolledige jaren?)");
        Write(output, result.Observations);
        return result;
    }

    public static ImportResult Read(string input, ImportFormat format)
    {
        if (!File.Exists(input)) throw new InputException(input, null, null, "bestand bestaat niet");
        var first = File.ReadLines(input).FirstOrDefault() ?? "";
        var isIvpSim = format == ImportFormat.IvpSim ||
            (format == ImportFormat.Auto && first.Trim() == string.Join(',', ObservationCsv.Header));
        if (isIvpSim)
        {
            var observations = ObservationCsv.Read(input);
            return new ImportResult(observations, "ivpsim", observations.Length, 0, 0, 0);
        }
        var (shape, rows) = CbsReader.Read(input);
        return CbsImport.Convert(input, shape, rows);
    }

    public static void Write(string output, IEnumerable<Observation> observations)
    {
        var sb = new StringBuilder(string.Join(',', ObservationCsv.Header)).Append('\n');
        foreach (var o in observations)
        {
            var source = o.Source.Contains(',') || o.Source.Contains('"') ? $"\"{o.Source.Replace("\"", "\"\"")}\"" : o.Source;
            sb.Append(CultureInfo.InvariantCulture, $"{o.Region},{o.Indicator},{o.Year},{o.Value.ToString(CultureInfo.InvariantCulture)},{source}\n");
        }
        AtomicFile.Write(output, sb.ToString());
    }
}
