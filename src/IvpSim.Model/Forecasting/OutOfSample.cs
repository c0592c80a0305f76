using IvpSim.Model.Calibration;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// A series evaluated out of sample: its data set (its noise is pooled within it), the national series it may follow,
/// and whether it is municipal (national path × local factor; one observed year is enough).
/// </summary>
public sealed record EvaluationSeries(string DataSet, CalibrationSeries Series, CalibrationSeries? Anchor, bool Local = false)
{
    /// <summary>The observed years a forecast from an origin needs: a national series its own history, a municipal one a single year.</summary>
    public int MinimumFitPoints => Local && Anchor is not null ? 1 : OutOfSample.MinimumFitPoints;

    /// <summary>The national series of a corpus, each following the total of its kind, in the data set <paramref name="dataSet"/>.</summary>
    public static IEnumerable<EvaluationSeries> Corpus(Domain.ReferenceCorpus corpus, string dataSet) =>
        corpus.WithAnchors().Select(s => new EvaluationSeries(dataSet, s.Series, s.Anchor));

    /// <summary>The data as they stood at the end of <paramref name="year"/>.</summary>
    public EvaluationSeries Until(int year) => this with { Series = Series.Until(year), Anchor = Anchor?.Until(year) };
}

/// <summary>One forecast of an observed year from the data up to an origin, with a sample per structure (in trajectory order).</summary>
public sealed class OutOfSampleForecast(int series, int origin, int year, double observed, double scale)
{
    public int Series { get; } = series;

    public int Origin { get; } = origin;

    public int Year { get; } = year;

    public int Horizon => Year - Origin;

    public double Observed { get; } = observed;

    /// <summary>The series' typical yearly change up to the origin: divides scores to make them comparable across series.</summary>
    public double Scale { get; } = scale;

    /// <summary>
    /// Per structure (index into <see cref="Structures.All"/>), the draws of trajectory 0, 1, …; the last slot holds
    /// the combined model (structure −1, each trajectory drawing its own); null if not projected.
    /// </summary>
    public double[]?[] Samples { get; } = new double[]?[Structures.All.Length + 1];

    private readonly double[]?[] _sorted = new double[]?[Structures.All.Length + 1];

    /// <summary>The draws of a structure (−1: the combined model), sorted.</summary>
    public double[] Sorted(int structure) =>
        _sorted[Slot(structure)] ??= SortedCopy(Samples[Slot(structure)] ?? throw new InvalidOperationException("structure not projected"));

    /// <summary>A sorted copy: Array.Sort on doubles, several times faster than LINQ's Order (a hot path of calibration).</summary>
    private static double[] SortedCopy(double[] draws)
    {
        var copy = (double[])draws.Clone();
        Array.Sort(copy);
        return copy;
    }

    internal void Set(int structure, double[] draws)
    {
        Samples[Slot(structure)] = draws;
        _sorted[Slot(structure)] = null;
    }

    private static int Slot(int structure) => structure < 0 ? Structures.All.Length : structure;

    /// <summary>The mixture that a run with these weights draws: trajectory j follows the structure chosen for j.</summary>
    public double[] Mixture(ReadOnlySpan<double> weights, ulong seed)
    {
        var draws = Samples.First(s => s is not null)!.Length;
        var mixture = new double[draws];
        for (var j = 0; j < draws; j++)
            mixture[j] = Samples[StructureChoice.Structure(weights, seed, j)]![j];
        Array.Sort(mixture);
        return mixture;
    }
}

/// <summary>
/// Rolling-origin evaluation: for every origin, fit on the data up to it (as they stood then) and project every
/// series with the forecast kernel, the same code a run uses, under one structure at a time.
/// </summary>
public static class OutOfSample
{
    /// <summary>A series needs this many observed years up to the origin to be forecast from it.</summary>
    public const int MinimumFitPoints = 3;

    /// <summary>Every forecast that the data allow: each origin, each observed year up to <paramref name="maxHorizon"/> after it.</summary>
    public static List<OutOfSampleForecast> Plan(IReadOnlyList<EvaluationSeries> series, IEnumerable<int> origins, int minHorizon, int maxHorizon)
    {
        var forecasts = new List<OutOfSampleForecast>();
        foreach (var origin in origins)
        {
            for (var s = 0; s < series.Count; s++)
            {
                var fit = series[s].Series.Until(origin);
                if (fit.Count < series[s].MinimumFitPoints || fit.LastYear != origin && series[s].Local) continue;
                for (var h = minHorizon; h <= maxHorizon; h++)
                {
                    if (series[s].Series.ValueIn(origin + h) is { } observed)
                        forecasts.Add(new OutOfSampleForecast(s, origin, origin + h, observed, fit.ChangeScale()));
                }
            }
        }
        return forecasts;
    }

    /// <summary>
    /// Projects every forecast's series under each of <paramref name="structures"/> (−1: the combined model, as a run
    /// draws it) with <paramref name="draws"/> trajectories.
    /// </summary>
    public static void Project(IReadOnlyList<EvaluationSeries> series, IReadOnlyList<OutOfSampleForecast> forecasts,
        ForecastSettings settings, IReadOnlyList<int> structures, int draws, ulong seed)
    {
        foreach (var group in forecasts.GroupBy(f => (series[f.Series].DataSet, f.Origin)))
        {
            var origin = group.Key.Origin;
            // Every series of the data set that could be fitted at this origin shares the pooling, as in a run.
            var members = Enumerable.Range(0, series.Count)
                .Where(s => series[s].DataSet == group.Key.DataSet && series[s].Series.Until(origin).Count >= series[s].MinimumFitPoints)
                .ToArray();
            ComponentSeries[] components =
                [.. members.Select(s => new ComponentSeries(series[s].Series.Until(origin), series[s].Anchor?.Until(origin), series[s].Local))];
            var models = settings.Alternatives().Select(a => ForecastModelBuilder.Build(components, a)).ToArray();
            var maxYear = group.Max(f => f.Year);
            var kernel = new MixedKernel(models, seed, origin + 1, maxYear);
            var byComponent = group.GroupBy(f => Array.IndexOf(members, f.Series)).ToArray();
            var buffer = new int[kernel.Years];
            foreach (var structure in structures)
            {
                var samples = group.ToDictionary(f => f, _ => new double[draws]);
                for (var j = 0; j < draws; j++)
                {
                    kernel.Begin(j, structure);
                    foreach (var component in byComponent)
                    {
                        kernel.Component(component.Key, buffer, []);
                        foreach (var f in component) samples[f][j] = buffer[f.Year - origin - 1];
                    }
                }
                foreach (var (f, s) in samples) f.Set(structure, s);
            }
        }
    }

    /// <summary>
    /// The stacking problem over these forecasts: mean scaled E|X_k − y| and E|X_k − X_l| for the given structures
    /// (indices into <see cref="Structures.All"/>), each forecast weighted equally.
    /// </summary>
    public static (double[] A, double[,] B) Moments(IReadOnlyList<OutOfSampleForecast> forecasts, IReadOnlyList<int> structures) =>
        Mean(PerForecast(forecasts, structures), Enumerable.Range(0, forecasts.Count));

    /// <summary>Each forecast's own scaled E|X_k − y| and E|X_k − X_l|, so that resamples of the forecasts cost no new work.</summary>
    public static (double[] A, double[,] B)[] PerForecast(IReadOnlyList<OutOfSampleForecast> forecasts, IReadOnlyList<int> structures)
    {
        var k = structures.Count;
        var result = new (double[] A, double[,] B)[forecasts.Count];
        Parallel.For(0, forecasts.Count, n =>
        {
            var f = forecasts[n];
            var a = new double[k];
            var b = new double[k, k];
            for (var i = 0; i < k; i++)
            {
                var x = f.Sorted(structures[i]);
                a[i] = SampleScores.MeanAbsolute(x, f.Observed) / f.Scale;
                b[i, i] = SampleScores.MeanPairwise(x) / f.Scale;
                for (var j = i + 1; j < k; j++)
                {
                    var cross = SampleScores.MeanCross(x, f.Sorted(structures[j])) / f.Scale;
                    b[i, j] = cross;
                    b[j, i] = cross;
                }
            }
            result[n] = (a, b);
        });
        return result;
    }

    /// <summary>The mean of per-forecast moments over the chosen forecasts (a forecast chosen twice counts twice).</summary>
    public static (double[] A, double[,] B) Mean(IReadOnlyList<(double[] A, double[,] B)> moments, IEnumerable<int> chosen)
    {
        var k = moments[0].A.Length;
        var a = new double[k];
        var b = new double[k, k];
        var count = 0;
        foreach (var n in chosen)
        {
            var (fa, fb) = moments[n];
            for (var i = 0; i < k; i++)
            {
                a[i] += fa[i];
                for (var j = 0; j < k; j++) b[i, j] += fb[i, j];
            }
            count++;
        }
        for (var i = 0; i < k; i++)
        {
            a[i] /= count;
            for (var j = 0; j < k; j++) b[i, j] /= count;
        }
        return (a, b);
    }
}
