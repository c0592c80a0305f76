using IvpSim.Model.Domain;

namespace IvpSim.Data;

/// <summary>Reads inhabitants per municipality (long form, indicator <c>inhabitants</c>).</summary>
public static class PopulationCsv
{
    public const string Indicator = "inhabitants";

    public static Population Read(string path)
    {
        var items = ObservationCsv.Read(path, id => id == Indicator);
        foreach (var m in Regions.Municipalities)
        {
            if (!items.Any(o => o.Region == m))
                throw new InputException(path, null, null, $"geen inwonertal voor gemeente '{m}'");
        }
        return new Population(items);
    }
}
