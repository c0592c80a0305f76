using IvpSim.Model.Random;

namespace IvpSim.Model.Forecasting;

/// <summary>
/// Projects count series, one trajectory at a time: the single projection path of IvpSim (runs, budgets and
/// backtests all go through it). <see cref="Begin"/> draws what a trajectory shares (its structures, the yearly
/// common shocks and years of upheaval, the national paths); <see cref="Component"/> then projects one series: a
/// national one its latent log level under the structure, a municipal one the national path of its kind plus its
/// municipality's local factor; then a yearly log-normal shock and exact Poisson noise. A series' draws come from its own stream, so projecting it again with another mean (an
/// intervention) repeats every draw; <see cref="Recount"/> does that for one year without drawing again, from the
/// expected counts and Poisson scores that <see cref="Component"/> kept. Observed years keep their observed values.
/// </summary>
/// <remarks>Not thread-safe: one kernel per thread.</remarks>
public sealed class ForecastKernel
{
    /// <summary>A ceiling far above any yearly count, so that a wild draw stays a number.</summary>
    public const double MaxYearlyCount = 1e7;

    private const ulong GapSalt = 0x5851F42D4C957F2DUL;
    private const ulong RepeatSalt = 0x2545F4914F6CDD1DUL;

    private readonly ForecastModel _model;
    private readonly ulong _seed;
    private readonly ulong _commonPurpose = RandomStreams.Purpose("common-shock");
    private readonly ulong[] _anchorPurposes;
    private readonly int _anchoredIndex = Structures.IndexOf(Structures.AnchoredId);
    private readonly int _localLevelIndex = Structures.IndexOf(Structures.LocalLevelId);
    private readonly double[] _weights, _anchorWeights;
    private readonly double[] _common;
    private readonly double[] _commonDrift;
    private readonly bool[] _jump;
    private readonly double[] _anchorPaths;
    private readonly double[] _latent;
    private readonly double[] _expected;   // per component and year: the expected count before any multiplier
    private readonly double[] _scores;     // per component and year: the normal score of its Poisson draw
    private readonly long[] _projected;    // per component: the trajectory it was last projected in
    private readonly double[] _commonSd, _ownSd;  // per component: the yearly shock's common and own sd
    private readonly double[] _municipalSd;       // per component: the sd of the yearly shock its municipality's series share
    private readonly double[] _gapSd;             // per component: the sd of a skipped year's noise, all from its own stream
    private readonly double _driftSd, _commonDriftSd;
    private readonly int[] _region;               // per local component: its municipality (index into _regionPurposes)
    private readonly ulong[] _regionPurposes;
    private readonly double[] _regionDrift;       // per municipality and year: the standard normal of its local drift
    private readonly double _volatilityShape;     // of the Gamma that scales a municipality's movement (0: none)
    private readonly double[] _regionShock;       // per municipality and year: the standard normal of its shared yearly shock
    private readonly double[] _regionOffset;      // per municipality: the standard normal of its offsets' estimation error
    private readonly long[] _regionDrawn;         // per municipality: the trajectory its drift, shock and offset error were drawn for
    private readonly bool _allLocal, _anyLocalAnchor;
    private long _trajectory = -1;
    private ulong _trajectoryKey;
    private int _own, _national;

    /// <param name="startYear">The first year written by <see cref="Component"/>.</param>
    public ForecastKernel(ForecastModel model, ulong seed, int startYear, int endYear)
    {
        _model = model;
        _seed = seed;
        StartYear = startYear;
        EndYear = endYear;
        FirstYear = Math.Min(startYear, model.Components.Concat(model.Anchors).Select(c => c.LastYear + 1).DefaultIfEmpty(startYear).Min());
        var span = EndYear - FirstYear + 1;
        _anchorPurposes = [.. model.Anchors.Select(a => RandomStreams.Purpose($"national/{a.Indicator}"))];
        _weights = [.. model.Settings.Weights];
        _anchorWeights = [.. model.Settings.AnchorWeights];
        _common = new double[span];
        _commonDrift = new double[span];
        _jump = new bool[span];
        _anchorPaths = new double[model.Anchors.Length * span];
        _latent = new double[span];
        _expected = new double[model.Components.Length * span];
        _scores = new double[model.Components.Length * span];
        _projected = new long[model.Components.Length];
        Array.Fill(_projected, -1);
        // The yearly shock: a share ρ of its variance is common to all series that year, the rest is the series' own;
        // level shifts split the same way.
        var rho = model.CommonCorrelation;
        // A municipal series shares nothing with other municipalities beyond the national path. Within its municipality,
        // the size-free part of its yearly noise is one shock for all its series: the local constants are learned from
        // municipal totals, and a total of series with independent shocks would move far less than real totals do.
        // Only the clustering of small counts is each series' own.
        _commonSd = [.. model.Components.Select(c => c.Local ? 0 : Math.Sqrt(rho * c.Noise))];
        _municipalSd = [.. model.Components.Select(c => c.Local ? Math.Sqrt(Math.Min(model.Settings.LocalNoise, c.Noise)) : 0)];
        _ownSd = [.. model.Components.Select((c, k) => c.Local
            ? Math.Sqrt(Math.Max(0, c.Noise - _municipalSd[k] * _municipalSd[k]))
            : Math.Sqrt((1 - rho) * c.Noise))];
        // A skipped year inside the observed range draws its whole noise from its own stream.
        _gapSd = [.. _ownSd.Select((own, k) => Math.Sqrt(own * own + _municipalSd[k] * _municipalSd[k]))];
        _driftSd = model.Settings.LevelDriftSd * Math.Sqrt(1 - rho);
        _commonDriftSd = model.Settings.LevelDriftSd * Math.Sqrt(rho);
        var regions = model.Components.Where(c => c.Local).Select(c => c.Region).Distinct().ToArray();
        _region = [.. model.Components.Select(c => c.Local ? Array.IndexOf(regions, c.Region) : -1)];
        _regionPurposes = [.. regions.Select(r => RandomStreams.Purpose($"local/{r}"))];
        _regionDrift = new double[regions.Length * span];
        _regionShock = new double[regions.Length * span];
        _regionOffset = new double[regions.Length];
        _regionDrawn = new long[regions.Length];
        _volatilityShape = model.Settings.LocalVolatilityShape;
        _allLocal = model.Components.Length > 0 && model.Components.All(c => c.Local);
        _anyLocalAnchor = model.Components.Any(c => c.Local && c.HasAnchor);
    }

    public int StartYear { get; }

    public int EndYear { get; }

    /// <summary>The first year any series is projected in (before <see cref="StartYear"/> when a series ends early).</summary>
    public int FirstYear { get; }

    public int Years => EndYear - StartYear + 1;

    /// <summary>
    /// The structure of the current trajectory (index into <see cref="Structures.All"/>): that of the national series
    /// when every component is municipal (they follow it), else the series' own.
    /// </summary>
    public int Structure => _allLocal ? _national : _own;

    /// <summary>
    /// Draws what trajectory <paramref name="trajectory"/> shares; <paramref name="structure"/> ≥ 0 forces a structure
    /// (of the national series when every component is municipal).
    /// </summary>
    public void Begin(long trajectory, int structure = -1)
    {
        _trajectory = trajectory;
        _trajectoryKey = RandomStreams.TrajectoryKey(_seed, trajectory);
        var settings = _model.Settings;
        _own = structure >= 0 && !_allLocal ? structure : StructureChoice.Structure(_weights, _seed, trajectory);
        _national = structure >= 0 && _allLocal ? structure : StructureChoice.AnchorStructure(_anchorWeights, _seed, trajectory);
        var rng = RandomStream.For(_trajectoryKey, _commonPurpose);
        for (var y = 0; y < _common.Length; y++)
        {
            _common[y] = rng.NextStandardNormal();
            _commonDrift[y] = rng.NextStandardNormal();
            _jump[y] = settings.JumpProbability > 0 && rng.NextDouble() < settings.JumpProbability;
        }
        if (_model.Anchors.IsEmpty || (_own != _anchoredIndex && !_anyLocalAnchor)) return;
        var anchorStructure = Structures.All[_national];
        for (var a = 0; a < _model.Anchors.Length; a++)
        {
            var anchor = _model.Anchors[a];
            var path = _anchorPaths.AsSpan(a * _common.Length, _common.Length);
            for (var year = FirstYear; year <= Math.Min(anchor.LastYear, EndYear); year++)
                path[year - FirstYear] = ObservedLog(anchor, year);
            var stream = RandomStream.For(_trajectoryKey, _anchorPurposes[a]);
            Latent(anchor, anchorStructure, ref stream, [], path, PathRole.NationalPath);
        }
    }

    /// <summary>
    /// Writes component <paramref name="component"/>'s counts for <see cref="StartYear"/> … <see cref="EndYear"/> into
    /// <paramref name="counts"/>, each expected count multiplied by <paramref name="multipliers"/> (same index; empty: none).
    /// </summary>
    public void Component(int component, Span<int> counts, ReadOnlySpan<double> multipliers)
    {
        if (_trajectory < 0) throw new InvalidOperationException("call Begin first");
        var fit = _model.Components[component];
        var purpose = _model.Purposes[component];
        var rng = RandomStream.For(_trajectoryKey, purpose);
        var municipal = ReadOnlySpan<double>.Empty;
        if (fit.Local)
        {
            LocalLatent(component, fit, ref rng);
            municipal = RegionShock(_region[component]);
        }
        else
        {
            var structure = Structures.All[_own == _anchoredIndex && !fit.HasAnchor ? _localLevelIndex : _own];
            var anchorPath = structure.Kind == StructureKind.Anchored
                ? _anchorPaths.AsSpan(fit.Anchor * _common.Length, _common.Length)
                : [];
            Latent(fit, structure, ref rng, anchorPath, _latent, PathRole.Own);
            RepeatedUpheaval(fit, purpose);
        }
        double commonSd = _commonSd[component], ownSd = _ownSd[component];
        var expected = _expected.AsSpan(component * _common.Length, _common.Length);
        var scores = _scores.AsSpan(component * _common.Length, _common.Length);
        for (var year = fit.LastYear + 1; year <= EndYear; year++)
        {
            var i = year - FirstYear;
            var shock = commonSd * _common[i] + ownSd * rng.NextStandardNormal();
            if (!municipal.IsEmpty) shock += _municipalSd[component] * municipal[i];
            expected[i] = Expected(_latent[i] + shock);
            scores[i] = rng.NextStandardNormal();
        }
        for (var year = Math.Max(StartYear, fit.ObservedYears[0]); year <= Math.Min(fit.LastYear, EndYear); year++)
        {
            if (fit.ObservedYears.IndexOf(year) < 0) Gap(fit, purpose, year, commonSd, _gapSd[component], expected, scores);
        }
        _projected[component] = _trajectory;
        WriteCounts(component, counts, multipliers);
    }

    /// <summary>The counts of a projected component: observed values, else Poisson inversions of the kept expected counts.</summary>
    private void WriteCounts(int component, Span<int> counts, ReadOnlySpan<double> multipliers)
    {
        var fit = _model.Components[component];
        var expected = _expected.AsSpan(component * _common.Length, _common.Length);
        var scores = _scores.AsSpan(component * _common.Length, _common.Length);
        var observed = 0;
        for (var year = StartYear; year <= EndYear; year++)
        {
            var i = year - FirstYear;
            if (year <= fit.LastYear)
            {
                while (observed < fit.ObservedYears.Length && fit.ObservedYears[observed] < year) observed++;
                if (observed < fit.ObservedYears.Length && fit.ObservedYears[observed] == year)
                {
                    counts[year - StartYear] = (int)fit.ObservedValues[observed];
                    continue;
                }
            }
            var mean = multipliers.IsEmpty ? expected[i] : expected[i] * multipliers[year - StartYear];
            counts[year - StartYear] = PoissonSampler.Sample(Math.Min(mean, MaxYearlyCount), scores[i]);
        }
    }

    /// <summary>
    /// One year's count (year index from <see cref="StartYear"/>) of a component projected in this trajectory, with
    /// another multiplier; observed years keep their value.
    /// </summary>
    public int Recount(int component, int year, double multiplier)
    {
        if (_projected[component] != _trajectory) throw new InvalidOperationException("project the component in this trajectory first");
        var fit = _model.Components[component];
        var absolute = StartYear + year;
        if (absolute <= fit.LastYear)
        {
            var observed = fit.ObservedYears.IndexOf(absolute);
            if (observed >= 0) return (int)fit.ObservedValues[observed];
        }
        var i = component * _common.Length + absolute - FirstYear;
        return PoissonSampler.Sample(Math.Min(_expected[i] * multiplier, MaxYearlyCount), _scores[i]);
    }

    /// <summary>
    /// The expected count of a component projected in this trajectory in <paramref name="year"/> (absolute), before any
    /// intervention; an observed year gives its observed value. What sensitivity analysis calls the baseline.
    /// </summary>
    public double ExpectedCount(int component, int year)
    {
        var fit = _model.Components[component];
        var observed = fit.ObservedYears.IndexOf(year);
        if (observed >= 0) return fit.ObservedValues[observed];
        return _expected[component * _common.Length + year - FirstYear];
    }

    /// <summary>A year the data skip inside the observed range: a draw around the filter's prediction, from streams of its own.</summary>
    private void Gap(SeriesFit fit, ulong purpose, int year, double commonSd, double ownSd, Span<double> expected, Span<double> scores)
    {
        var gap = fit.Gaps.First(g => g.Year == year);
        var rng = RandomStream.For(_trajectoryKey, purpose ^ GapSalt ^ (ulong)year);
        var level = gap.Level + gap.Sd * rng.NextStandardNormal();
        var shock = commonSd * _common[year - FirstYear] + ownSd * rng.NextStandardNormal();
        expected[year - FirstYear] = Expected(level + shock);
        scores[year - FirstYear] = rng.NextStandardNormal();
    }

    /// <summary>The expected count at a log level: the fit is on ln(y + 0.5), so the offset is undone (at least zero).</summary>
    private static double Expected(double logMean) => Math.Max(0, Math.Exp(Math.Min(logMean, 30)) - 0.5);

    /// <summary>What a latent path is for: which level shifts it takes.</summary>
    private enum PathRole
    {
        /// <summary>A series' own path: level shifts (common and own) and jumps.</summary>
        Own,
        /// <summary>
        /// A national path that series follow: the level shifts and the (damped) trend, but neither jumps nor a
        /// wandering slope. In the national crime types those are mostly reclassifications and shifts between types,
        /// which a municipal total, the sum of the types, does not see; compounded over five years a wandering slope
        /// alone would widen a municipal band far beyond how real municipalities move.
        /// </summary>
        NationalPath,
    }

    /// <summary>The latent log level of <paramref name="fit"/> for the years after its last observation, into <paramref name="latent"/>.</summary>
    private void Latent(SeriesFit fit, Structure structure, ref RandomStream rng, ReadOnlySpan<double> anchorPath, Span<double> latent,
        PathRole role)
    {
        var settings = _model.Settings;
        // A steady series wanders less than the shared constants, one whose shifts persist more (DriftScaleEstimator).
        var scale = Math.Sqrt(fit.DriftScale);
        double driftSd = _driftSd * scale, commonDriftSd = _commonDriftSd * scale, jumpSd = settings.JumpSd;
        var slopeDriftSd = role == PathRole.Own ? settings.SlopeDriftSd * scale : 0;
        double level, slope = 0;
        switch (structure.Kind)
        {
            case StructureKind.Trend:
                var e1 = rng.NextStandardNormal();
                var e2 = rng.NextStandardNormal();
                var trend = fit.Trend;
                level = trend.Level + trend.L11 * e1;
                slope = trend.Slope + trend.L21 * e1 + trend.L22 * e2;
                break;
            case StructureKind.Anchored:
                level = fit.Offset.Level + fit.Offset.Sd * rng.NextStandardNormal();
                break;
            case StructureKind.RandomWalk:
                level = Math.Log(fit.ObservedValues[^1] + 0.5);
                break;
            default:
                level = fit.Level.Level + fit.Level.Sd * rng.NextStandardNormal();
                break;
        }
        // An offset to a national path takes only its own level shifts: the path already carries the common ones and the jumps.
        var anchored = structure.Kind == StructureKind.Anchored;
        var jumps = role == PathRole.Own && !anchored;
        for (var year = fit.LastYear + 1; year <= EndYear; year++)
        {
            var i = year - FirstYear;
            if (structure.Kind == StructureKind.Trend)
            {
                slope *= structure.Damping;
                if (slopeDriftSd > 0) slope += slopeDriftSd * rng.NextStandardNormal();
                level += slope;
            }
            // Level shifts, like the yearly shocks, are partly common to all series (a change in registration or reporting).
            if (!anchored) level += commonDriftSd * _commonDrift[i];
            level += driftSd * rng.NextStandardNormal();
            if (jumps && _jump[i]) level += jumpSd * rng.NextStandardNormal();
            latent[i] = anchored ? anchorPath[i] + level : level;
        }
    }

    /// <summary>
    /// Years of upheaval come in runs: a series whose last observed year was one (as the filter judges it) has an extra
    /// chance that its first projected year is one too. Drawn from a stream of its own, so that the other draws stay as
    /// they are; the jump shifts the level of every later year.
    /// </summary>
    private void RepeatedUpheaval(SeriesFit fit, ulong purpose)
    {
        var chance = _model.Settings.JumpRepeat * fit.LastUpheaval;
        if (chance <= 0 || fit.LastYear >= EndYear) return;
        var rng = RandomStream.For(_trajectoryKey, purpose ^ RepeatSalt);
        if (rng.NextDouble() >= chance) return;
        var jump = _model.Settings.JumpSd * rng.NextStandardNormal();
        for (var i = fit.LastYear + 1 - FirstYear; i < _latent.Length; i++) _latent[i] += jump;
    }

    /// <summary>
    /// A municipal series: the national path times the municipality's local factor, which starts at the filtered offset
    /// and drifts by a random walk shared by all the municipality's series. The offset's estimation error is shared too:
    /// it comes mostly from the municipality's shared yearly shocks in the years observed. Without a national series of
    /// its kind the series walks from its filtered level with the national drift added.
    /// </summary>
    private void LocalLatent(int component, SeriesFit fit, ref RandomStream rng)
    {
        var settings = _model.Settings;
        var region = _region[component];
        var drift = RegionDrift(region);
        // Drawn in both cases, so that the series' own stream stays aligned whether or not it follows a national series.
        var error = rng.NextStandardNormal();
        var level = fit.HasAnchor
            ? fit.Offset.Level + fit.Offset.Sd * _regionOffset[region]
            : fit.Level.Level + fit.Level.Sd * error;
        var anchorPath = fit.HasAnchor ? _anchorPaths.AsSpan(fit.Anchor * _common.Length, _common.Length) : [];
        for (var year = fit.LastYear + 1; year <= EndYear; year++)
        {
            var i = year - FirstYear;
            level += settings.LocalDriftSd * drift[i];
            if (!fit.HasAnchor) level += settings.LevelDriftSd * rng.NextStandardNormal();
            _latent[i] = fit.HasAnchor ? anchorPath[i] + level : level;
        }
    }

    /// <summary>The standard normals of a municipality's local drift in this trajectory, one per year, from a stream of its own.</summary>
    private ReadOnlySpan<double> RegionDrift(int region)
    {
        DrawRegion(region);
        return _regionDrift.AsSpan(region * _common.Length, _common.Length);
    }

    /// <summary>The standard normals of a municipality's shared yearly shock in this trajectory, one per year.</summary>
    private ReadOnlySpan<double> RegionShock(int region)
    {
        DrawRegion(region);
        return _regionShock.AsSpan(region * _common.Length, _common.Length);
    }

    /// <summary>What a municipality's series share in this trajectory, drawn once from the municipality's own stream.</summary>
    private void DrawRegion(int region)
    {
        if (_regionDrawn[region] == _trajectory + 1) return;
        var drift = _regionDrift.AsSpan(region * _common.Length, _common.Length);
        var shock = _regionShock.AsSpan(region * _common.Length, _common.Length);
        var rng = RandomStream.For(_trajectoryKey, _regionPurposes[region]);
        for (var i = 0; i < drift.Length; i++) drift[i] = rng.NextStandardNormal();
        for (var i = 0; i < shock.Length; i++) shock[i] = rng.NextStandardNormal();
        _regionOffset[region] = rng.NextStandardNormal();
        // How much this municipality moves in this trajectory: drawn after the rest, so that without it nothing changes.
        if (_volatilityShape > 0)
        {
            var scale = Math.Sqrt(GammaSampler.Sample(ref rng, _volatilityShape) / _volatilityShape);
            for (var i = 0; i < drift.Length; i++) drift[i] *= scale;
            for (var i = 0; i < shock.Length; i++) shock[i] *= scale;
        }
        _regionDrawn[region] = _trajectory + 1;
    }

    private static double ObservedLog(SeriesFit fit, int year)
    {
        var i = fit.ObservedYears.IndexOf(year);
        if (i >= 0) return Math.Log(fit.ObservedValues[i] + 0.5);
        foreach (var gap in fit.Gaps)
            if (gap.Year == year) return gap.Level;
        return double.NaN;
    }
}
