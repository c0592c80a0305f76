using System.Collections.Immutable;
using IvpSim.Model.Calibration;

namespace IvpSim.Model.Domain;

/// <summary>One national series of the reference corpus: police-registered crimes of one CBS type, or disorder incidents of one kind.</summary>
public sealed record ReferenceSeries(string Id, string Kind, string Label, ImmutableArray<int> Years, ImmutableArray<double> Values)
{
    /// <summary>The corpus marks the total of each kind with an id that starts with this.</summary>
    public const string TotalPrefix = "totaal-";

    public bool IsTotal => Id.StartsWith(TotalPrefix, StringComparison.Ordinal);

    public CalibrationSeries AsSeries() =>
        new(ReferenceCorpus.Region, Id, Years, Values, [.. Years.Select(_ => false)]);
}

/// <summary>A term of a national series that a local indicator follows: a corpus series, added or subtracted.</summary>
public sealed record NationalTerm(string Indicator, string Series, int Sign);

/// <summary>
/// Real national police series (the reference corpus): many count series for choosing and calibrating forecast
/// methods out of sample, and the national series that the plan's local series may follow.
/// </summary>
public sealed record ReferenceCorpus(ImmutableArray<ReferenceSeries> Series)
{
    public const string Region = "nederland";

    public static ReferenceCorpus Empty { get; } = new([]);

    /// <summary>The total of <paramref name="kind"/> (crime or disorder), if the corpus has one.</summary>
    public ReferenceSeries? TotalOf(string kind) => Series.FirstOrDefault(s => s.Kind == kind && s.IsTotal);

    /// <summary>Every series with the total of its kind as the series it follows (the totals themselves follow none).</summary>
    public IEnumerable<(CalibrationSeries Series, CalibrationSeries? Anchor)> WithAnchors() =>
        Series.Select(s => (s.AsSeries(), s.IsTotal ? null : TotalOf(s.Kind)?.AsSeries()));

    /// <summary>
    /// The national series of each local indicator: the signed sum of its terms, in the years where every term is
    /// known. An indicator whose terms the corpus lacks gets none.
    /// </summary>
    public ImmutableDictionary<string, CalibrationSeries> National(IEnumerable<NationalTerm> terms)
    {
        var result = ImmutableDictionary.CreateBuilder<string, CalibrationSeries>();
        foreach (var group in terms.GroupBy(t => t.Indicator))
        {
            var parts = group.Select(t => (Term: t, Series: Series.FirstOrDefault(s => s.Id == t.Series))).ToArray();
            if (parts.Any(p => p.Series is null)) continue;
            var years = parts.Select(p => p.Series!.Years.AsEnumerable()).Aggregate((a, b) => a.Intersect(b)).Order().ToArray();
            if (years.Length == 0) continue;
            double[] values = [.. years.Select(y => parts.Sum(p => p.Term.Sign * p.Series!.Values[p.Series.Years.IndexOf(y)]))];
            if (values.Any(v => v < 0)) continue;
            result[group.Key] = new CalibrationSeries(Region, group.Key, [.. years], [.. values], [.. years.Select(_ => false)]);
        }
        return result.ToImmutable();
    }
}
