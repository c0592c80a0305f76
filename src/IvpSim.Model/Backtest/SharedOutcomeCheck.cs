using IvpSim.Model.Forecasting;
using IvpSim.Model.Random;

namespace IvpSim.Model.Backtest;

/// <summary>The 5%, 50% and 95% points of a coverage over the model's own trajectories taken as the truth.</summary>
public sealed record CoverageRange(double P05, double P50, double P95)
{
    public bool Contains(double coverage) => coverage >= P05 && coverage <= P95;
}

/// <summary>
/// Forecasts of one origin and year that share an outcome: the municipalities of a cross-section share one national
/// development, the series of one year its common shocks. Their coverage is then not that of as many independent
/// tests: it moves with where the shared outcome fell. The model itself says how far: taking each of its trajectories
/// in turn as the truth for all the forecasts at once, <see cref="Expected50"/> is the spread of the 50% coverage over
/// all trajectories, <see cref="Similar50"/> over those whose shared outcome fell where the real one did (the
/// <see cref="SharedOutcome.SimilarShare"/> nearest in median PIT across the forecasts). A coverage inside those ranges
/// is what a calibrated model with this much sharing shows; one outside them says the model is off.
/// </summary>
/// <param name="SharedPit">Where the real shared outcome fell among the model's trajectories (share with a lower median PIT).</param>
public sealed record SharedOutcomeCheck(string DataSet, int FitUntil, int Year, int Forecasts, double Coverage50, double Coverage90,
    double SharedPit, CoverageRange Expected50, CoverageRange Expected90, CoverageRange Similar50, CoverageRange Similar90)
{
    public int Horizon => Year - FitUntil;

    /// <summary>The coverage of each forecast's own movement beside the shared one; null when not measured.</summary>
    public RelativeCoverage? Relative { get; init; }
}

/// <summary>
/// How well the forecasts' own spread fits, with the shared outcome taken out: each forecast's log change minus the
/// mean log change of its group, in the real outcomes and in every trajectory alike (for municipalities: their movement
/// relative to the national development, the quantity the local constants describe). The coverage should lie within
/// <see cref="Expected50"/> and <see cref="Expected90"/> (over the model's trajectories taken as the truth). Municipalities
/// share nothing else, so for them that range is nearly binomial around 50% and 90%; national series also share their
/// structure and years of upheaval, which the mean does not take out, so theirs is wider.
/// </summary>
public sealed record RelativeCoverage(double Coverage50, double Coverage90, CoverageRange Expected50, CoverageRange Expected90);

/// <summary>Computes <see cref="SharedOutcomeCheck"/>: each trajectory of the model in turn as the truth for a group of forecasts.</summary>
public static class SharedOutcome
{
    /// <summary>Fewer forecasts than this share too little to check.</summary>
    public const int MinimumForecasts = 10;

    /// <summary>The share of trajectories, nearest in shared outcome to the real one, that <see cref="SharedOutcomeCheck.Similar50"/> uses.</summary>
    public const double SimilarShare = 0.1;

    /// <summary>At least this many trajectories form the similar ones.</summary>
    public const int MinimumSimilar = 30;

    /// <param name="draws">Per forecast its draws in trajectory order: draw j of every forecast comes from trajectory j.</param>
    /// <param name="sorted">The same draws, sorted.</param>
    /// <param name="observedPits">Per forecast the randomised PIT of what was observed, as the coverage counts it.</param>
    public static SharedOutcomeCheck? Check(string dataSet, int fitUntil, int year, IReadOnlyList<double[]> draws,
        IReadOnlyList<double[]> sorted, IReadOnlyList<double> observedPits, ulong seed)
    {
        var n = draws.Count;
        if (n < MinimumForecasts) return null;
        var worlds = draws.Min(d => d.Length);
        var rng = RandomStream.For(seed, year * 10_000L + fitUntil, RandomStreams.Purpose($"shared-outcome/{dataSet}"));
        var (c50, c90, location) = Worlds(draws, sorted, worlds, ref rng);
        var (observed50, observed90, observedLocation) = Summary([.. observedPits]);
        var sharedPit = (location.Count(m => m < observedLocation) + 0.5 * location.Count(m => m == observedLocation)) / worlds;
        var similar = Enumerable.Range(0, worlds).OrderBy(j => Math.Abs(location[j] - observedLocation)).ThenBy(j => j)
            .Take(Math.Min(worlds, Math.Max(MinimumSimilar, (int)Math.Round(SimilarShare * worlds)))).ToArray();
        return new SharedOutcomeCheck(dataSet, fitUntil, year, n, observed50, observed90, sharedPit,
            Range(c50), Range(c90), Range([.. similar.Select(j => c50[j])]), Range([.. similar.Select(j => c90[j])]));
    }

    /// <summary>
    /// <see cref="RelativeCoverage"/> of forecasts given as log changes since the origin: per forecast its draws in
    /// trajectory order and what was observed, and the group whose mean is taken out (the halves of a cross-section are
    /// forecast apart, each centred on its own).
    /// </summary>
    public static RelativeCoverage? Relative(string dataSet, int fitUntil, int year, IReadOnlyList<double[]> changes,
        IReadOnlyList<double> observedChanges, IReadOnlyList<int> groups, ulong seed)
    {
        var n = changes.Count;
        if (n < MinimumForecasts) return null;
        var worlds = changes.Min(d => d.Length);
        var members = Enumerable.Range(0, n).GroupBy(i => groups[i]).Select(g => g.ToArray()).ToArray();
        if (members.Any(g => g.Length < 2)) return null;
        var draws = new double[n][];
        for (var i = 0; i < n; i++) draws[i] = new double[worlds];
        var observed = new double[n];
        foreach (var group in members)
        {
            for (var j = 0; j < worlds; j++)
            {
                var mean = group.Average(i => changes[i][j]);
                foreach (var i in group) draws[i][j] = changes[i][j] - mean;
            }
            var observedMean = group.Average(i => observedChanges[i]);
            foreach (var i in group) observed[i] = observedChanges[i] - observedMean;
        }
        var sorted = draws.Select(d => d.Order().ToArray()).ToArray();
        var rng = RandomStream.For(seed, year * 10_000L + fitUntil, RandomStreams.Purpose($"relative-outcome/{dataSet}"));
        var (c50, c90, _) = Worlds(draws, sorted, worlds, ref rng);
        var (observed50, observed90, _) = Summary([.. Enumerable.Range(0, n).Select(i => Pit(sorted[i], observed[i], rng.NextDouble()))]);
        return new RelativeCoverage(observed50, observed90, Range(c50), Range(c90));
    }

    /// <summary>Each trajectory in turn as the truth for all the forecasts: its 50% and 90% coverage and median PIT.</summary>
    private static (double[] Coverage50, double[] Coverage90, double[] Location) Worlds(IReadOnlyList<double[]> draws,
        IReadOnlyList<double[]> sorted, int worlds, ref RandomStream rng)
    {
        var n = draws.Count;
        var pits = new double[worlds][];
        for (var j = 0; j < worlds; j++) pits[j] = new double[n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < worlds; j++)
                pits[j][i] = Pit(sorted[i], draws[i][j], rng.NextDouble());
        var c50 = new double[worlds];
        var c90 = new double[worlds];
        var location = new double[worlds];
        for (var j = 0; j < worlds; j++) (c50[j], c90[j], location[j]) = Summary(pits[j]);
        return (c50, c90, location);
    }

    /// <summary>The 50% and 90% coverage of one set of PITs, and their median: where the shared outcome fell.</summary>
    private static (double Coverage50, double Coverage90, double Location) Summary(double[] pits)
    {
        var in50 = pits.Count(p => SampleScores.InCentral(p, 0.5));
        var in90 = pits.Count(p => SampleScores.InCentral(p, 0.9));
        var ordered = pits.Order().ToArray();
        return (in50 / (double)pits.Length, in90 / (double)pits.Length, SampleScores.Quantile(ordered, 0.5));
    }

    private static CoverageRange Range(double[] values)
    {
        var ordered = values.Order().ToArray();
        return new(SampleScores.Quantile(ordered, 0.05), SampleScores.Quantile(ordered, 0.5), SampleScores.Quantile(ordered, 0.95));
    }

    /// <summary>The randomised PIT of <see cref="SampleScores.Pit"/>, by binary search on the sorted draws.</summary>
    private static double Pit(double[] sorted, double value, double v)
    {
        var below = LowerBound(sorted, value);
        var at = LowerBound(sorted, Math.BitIncrement(value)) - below;
        return (below + v * at) / sorted.Length;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
