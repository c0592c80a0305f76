using System.Collections.Immutable;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Random;
using IvpSim.Model.Simulation;

namespace IvpSim.Model.Analysis;

/// <summary>
/// Reads, per trajectory, the value of every uncertain input of a set of scenarios run on the same trajectories:
/// the normal score of each intervention's effect draw (its own stream, so the same in every scenario, whether or not
/// the scenario uses it), the model structure, and per target the baseline's level at the start, its development to
/// the decisive year and the chance in that year. Baseline and chance come from the first scenario's trajectory.
/// </summary>
public sealed class InputProbe
{
    private readonly ulong _seed;
    private readonly ulong[] _effectPurposes;
    private readonly int _startYear;

    /// <param name="names">Per intervention id: its Dutch name and evidence strength (from the catalogue).</param>
    public InputProbe(IReadOnlyList<SimulationPlan> plans, IReadOnlyDictionary<string, (string Name, string Evidence)> names)
    {
        var first = plans[0];
        _seed = first.Seed;
        _startYear = first.StartYear;
        var effects = plans.SelectMany(p => p.Interventions)
            .SelectMany(i => i.Uses.SelectMany(u => u.Effects).Where(e => e.Scale != 0).Select(e => (i.Id, e.Indicator)))
            .Distinct().OrderBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Indicator, StringComparer.Ordinal).ToArray();
        _effectPurposes = [.. effects.Select(e => RandomStreams.Purpose($"intervention/{e.Id}/{e.Indicator}"))];
        Inputs =
        [
            .. effects.Select(e => new UncertainInput(UncertainInput.EffectId(e.Id, e.Indicator),
                $"effect {names.GetValueOrDefault(e.Id).Name ?? e.Id} op {Indicators.Get(e.Indicator).ShortLabelNl.ToLowerInvariant()}",
                InputKind.Measure, names.GetValueOrDefault(e.Id).Evidence ?? "onbekend")),
            new(UncertainInput.StructureId, "modelstructuur van de prognose", InputKind.Structure, "data"),
            new(UncertainInput.LevelId, "niveau zonder maatregelen bij de start", InputKind.Baseline, "data", "huidige ware score (meetonzekerheid)"),
            new(UncertainInput.DevelopmentId, "ontwikkeling zonder maatregelen tot het beslissende jaar", InputKind.Baseline, "data", "trend van de score"),
            new(UncertainInput.NoiseId, "toeval in het beslissende jaar (telruis)", InputKind.Noise, "data"),
        ];
        Targets = TargetsOf(first, new PlanLayout(first));
    }

    public ImmutableArray<UncertainInput> Inputs { get; }

    public ImmutableArray<AnalysisTarget> Targets { get; }

    public int Values => Targets.Length * Inputs.Length;

    /// <summary>
    /// The plan's targets and, when it has two or more count targets, all of them together (what the optimiser aims
    /// for: a council judges the plan on every crime target at once).
    /// </summary>
    public static ImmutableArray<AnalysisTarget> TargetsOf(SimulationPlan plan, PlanLayout layout)
    {
        var targets = new List<AnalysisTarget>();
        var municipalities = plan.Municipalities.Select(m => m.Municipality).ToList();
        for (var j = 0; j < plan.Targets.Length; j++)
        {
            var t = plan.Targets[j];
            var score = Indicators.Get(t.Indicator).Kind == IndicatorKind.Score;
            var slot = layout.Output.Slot(t.Region, t.Indicator, t.DecisiveYear);
            var year = t.DecisiveYear - plan.StartYear;
            ImmutableArray<int> components = score ? [] :
                [.. Enumerable.Range(0, layout.Components).Where(c => layout.Dependents(c, year).Contains(slot))];
            targets.Add(new AnalysisTarget(t.Region, t.Indicator, j, municipalities.IndexOf(t.Region), components, t.DecisiveYear));
        }
        var counts = targets.Where(t => !t.IsScore).ToArray();
        if (counts.Length >= 2 && counts.All(t => t.DecisiveYear == counts[0].DecisiveYear))
            targets.Add(new AnalysisTarget(Regions.VeluweWest, Indicators.TotalCrimesExclCyber, -1, -1,
                [.. counts.SelectMany(t => t.Components).Distinct().Order()], counts[0].DecisiveYear));
        return [.. targets];
    }

    /// <summary>
    /// Writes the inputs' values in the trajectory <paramref name="runner"/> just simulated into <paramref name="values"/>
    /// (target-major: <see cref="Targets"/> × <see cref="Inputs"/>); NaN where an input does not apply to a target.
    /// </summary>
    public void Read(long trajectory, BatchRunner runner, Span<double> values)
    {
        var key = RandomStreams.TrajectoryKey(_seed, trajectory);
        var effects = _effectPurposes.Length;
        Span<double> shared = stackalloc double[effects + 1];
        for (var e = 0; e < effects; e++)
        {
            var rng = ShortStream.For(key, _effectPurposes[e]);
            shared[e] = rng.NextStandardNormal();
        }
        shared[effects] = runner.Simulator.Structure;
        var kernel = runner.Simulator.Kernel;
        var inputs = Inputs.Length;
        for (var j = 0; j < Targets.Length; j++)
        {
            var row = values.Slice(j * inputs, inputs);
            shared.CopyTo(row);
            var target = Targets[j];
            if (target.IsScore)
            {
                row[effects + 1] = runner.Simulator.ScoreDriver(target.Municipality, 0);
                row[effects + 2] = runner.Simulator.ScoreDriver(target.Municipality, 1);
                row[effects + 3] = double.NaN;
                continue;
            }
            double start = 0, end = 0, withMeasures = 0;
            var year = target.DecisiveYear - _startYear;
            foreach (var c in target.Components)
            {
                start += kernel.ExpectedCount(c, _startYear);
                var expected = kernel.ExpectedCount(c, target.DecisiveYear);
                end += expected;
                withMeasures += expected * runner.Multiplier(c, year);
            }
            var value = target.IsJoint ? Joint(runner) : runner.TargetValue(target.PlanTarget);
            row[effects + 1] = Math.Log(start + 0.5);
            row[effects + 2] = Math.Log((end + 0.5) / (start + 0.5));
            row[effects + 3] = (value - withMeasures) / Math.Sqrt(withMeasures + 1);
        }
    }

    /// <summary>The decisive value of a target in the trajectory just simulated (a joint target: the sum of the count targets).</summary>
    public int Value(AnalysisTarget target, BatchRunner runner) => target.IsJoint ? Joint(runner) : runner.TargetValue(target.PlanTarget);

    /// <summary>Whether a target was met in the trajectory just simulated (a joint target: every count target).</summary>
    public bool Met(AnalysisTarget target, BatchRunner runner)
    {
        if (!target.IsJoint) return runner.TargetMet(target.PlanTarget);
        foreach (var t in Targets)
            if (!t.IsJoint && !t.IsScore && !runner.TargetMet(t.PlanTarget)) return false;
        return true;
    }

    private int Joint(BatchRunner runner)
    {
        var sum = 0;
        foreach (var t in Targets)
            if (!t.IsJoint && !t.IsScore) sum += runner.TargetValue(t.PlanTarget);
        return sum;
    }
}
