using System.Collections.Immutable;
using IvpSim.Model.Calibration;
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
    private readonly ulong[] _costPurposes;     // per charged measure of the first scenario, then the common overrun
    private readonly int _startYear, _firstCost;

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
        // A claim's inputs: each charged measure's yearly-cost draw (its own part) and the overrun they share.
        var charged = Budget.CostLayout.Charged(first).Select(c => c.InterventionId).ToArray();
        _costPurposes = [.. charged.Select(id => RandomStreams.Purpose($"cost/{id}")), RandomStreams.Purpose("cost-common")];
        Inputs =
        [
            .. effects.Select(e => new UncertainInput(UncertainInput.EffectId(e.Id, e.Indicator),
                $"effect {names.GetValueOrDefault(e.Id).Name ?? e.Id} op {Indicators.Get(e.Indicator).ShortLabelNl.ToLowerInvariant()}",
                InputKind.Measure, names.GetValueOrDefault(e.Id).Evidence ?? "onbekend")),
            new(UncertainInput.StructureId, "modelstructuur van de prognose", InputKind.Structure, "data"),
            new(UncertainInput.LevelId, "niveau zonder maatregelen bij de start", InputKind.Baseline, "data", "huidige ware score (meetonzekerheid)"),
            new(UncertainInput.DevelopmentId, "ontwikkeling zonder maatregelen tot het beslissende jaar", InputKind.Baseline, "data", "trend van de score"),
            new(UncertainInput.NoiseId, "toeval in het beslissende jaar (telruis)", InputKind.Noise, "data"),
            // A cost prior is an estimate (municipal budgets, comparable schemes), not graded evidence like an effect.
            .. charged.Select(id => new UncertainInput(UncertainInput.CostId(id), $"kosten {names.GetValueOrDefault(id).Name ?? id}", InputKind.Cost, "raming")),
            new(UncertainInput.CommonCostId, "gezamenlijke kostenoverschrijding (lonen, prijzen)", InputKind.Cost, "aanname"),
        ];
        _firstCost = effects.Length + 4;
        Targets = TargetsOf(first, new PlanLayout(first), charged.Length > 0);
    }

    public ImmutableArray<UncertainInput> Inputs { get; }

    public ImmutableArray<AnalysisTarget> Targets { get; }

    public int Values => Targets.Length * Inputs.Length;

    /// <summary>
    /// The plan's targets and, when it has two or more count targets, all of them together (what the optimiser aims
    /// for: a council judges the plan on every crime target at once).
    /// </summary>
    /// <param name="claims">Add each municipality's claim (when the plan has measures that cost something).</param>
    public static ImmutableArray<AnalysisTarget> TargetsOf(SimulationPlan plan, PlanLayout layout, bool claims = false)
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
        var counts = targets.Where(t => !t.IsScore).ToArray();  // plan targets only so far
        if (counts.Length >= 2 && counts.All(t => t.DecisiveYear == counts[0].DecisiveYear))
            targets.Add(new AnalysisTarget(Regions.VeluweWest, Indicators.TotalCrimesExclCyber, -1, -1,
                [.. counts.SelectMany(t => t.Components).Distinct().Order()], counts[0].DecisiveYear, AnalysisTargetKind.AllCounts));
        if (!claims) return [.. targets];
        var costs = Budget.CostLayout.For(plan);
        var total = costs.Items.Count - 1;
        for (var m = 0; m < municipalities.Count; m++)
        {
            var region = Regions.All.IndexOf(Regions.Get(municipalities[m]));
            targets.Add(new AnalysisTarget(municipalities[m], AnalysisTarget.ClaimIndicator, -1, m, [], plan.Budget.ClaimYear,
                AnalysisTargetKind.Claim, costs.Slot(region, total, plan.Budget.ClaimYear)));
        }
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
        Span<double> costs = stackalloc double[_costPurposes.Length];
        for (var c = 0; c < costs.Length; c++)
        {
            var rng = ShortStream.For(key, _costPurposes[c]);
            costs[c] = rng.NextStandardNormal();
        }
        for (var j = 0; j < Targets.Length; j++)
        {
            var row = values.Slice(j * inputs, inputs);
            var target = Targets[j];
            if (target.IsClaim)
            {
                // A claim depends on costs only: effects, structure and baseline do not apply.
                row.Fill(double.NaN);
                costs.CopyTo(row[_firstCost..]);
                continue;
            }
            shared.CopyTo(row);
            row[_firstCost..].Fill(double.NaN);
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
            row[effects + 2] = CalibrationSeries.LogChange(start, end);
            row[effects + 3] = (value - withMeasures) / Math.Sqrt(withMeasures + 1);
        }
    }

    /// <summary>The decisive value of a target in the trajectory just simulated (a joint target: the sum of the count targets).</summary>
    public int Value(AnalysisTarget target, BatchRunner runner) => target.Kind switch
    {
        AnalysisTargetKind.AllCounts => Joint(runner),
        AnalysisTargetKind.Claim => runner.Cost(target.CostSlot),
        _ => runner.TargetValue(target.PlanTarget),
    };

    /// <summary>Whether a target was met in the trajectory just simulated (a joint target: every count target; a claim: never asked).</summary>
    public bool Met(AnalysisTarget target, BatchRunner runner)
    {
        if (target.IsClaim) return false;
        if (!target.IsJoint) return runner.TargetMet(target.PlanTarget);
        foreach (var t in Targets)
            if (t.Kind == AnalysisTargetKind.Plan && !t.IsScore && !runner.TargetMet(t.PlanTarget)) return false;
        return true;
    }

    private int Joint(BatchRunner runner)
    {
        var sum = 0;
        foreach (var t in Targets)
            if (t.Kind == AnalysisTargetKind.Plan && !t.IsScore) sum += runner.TargetValue(t.PlanTarget);
        return sum;
    }
}
