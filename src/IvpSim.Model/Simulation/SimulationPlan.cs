using System.Collections.Immutable;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Model.Budget;
using IvpSim.Model.Forecasting;

namespace IvpSim.Model.Simulation;

/// <summary>
/// Everything one trajectory needs, fixed before the first draw: the calibrated models, the national series they
/// may follow, the settings, the population weights for the regional score and the seed. Immutable, so every
/// batch sees the same plan.
/// </summary>
public sealed record SimulationPlan(
    string ScenarioId,
    ulong Seed,
    int StartYear,
    int EndYear,
    ModelSettings Settings,
    PooledHyperparameters Hyper,
    ImmutableArray<SeriesFit> Anchors,
    ImmutableArray<MunicipalityModel> Municipalities,
    ImmutableArray<ImmutableArray<double>> ScoreWeights,
    ImmutableArray<PlannedIntervention> Interventions,
    ImmutableArray<PlannedCost> Costs,
    BudgetSettings Budget,
    ImmutableArray<Targets.TargetDefinition> Targets)
{
    public static SimulationPlan Create(string scenarioId, ulong seed, ModelSettings settings,
        CalibratedBaseline baseline, Population population,
        ImmutableArray<PlannedIntervention> interventions = default, ImmutableArray<PlannedCost> costs = default,
        BudgetSettings? budget = null, ImmutableArray<Targets.TargetDefinition> targets = default)
    {
        var ordered = Regions.Municipalities
            .Select(m => baseline.Models.FirstOrDefault(x => x.Municipality == m)
                ?? throw new ModelInputException($"geen model voor gemeente {m}"))
            .ToImmutableArray();
        var startYear = ordered.SelectMany(m => m.Counts.Select(c => c.LastYear)
            .Append(m.Score.LastObservedYear)).Min() + 1;
        if (startYear > settings.EndYear)
        {
            throw new ModelInputException(
                $"de gegevens lopen al tot {startYear - 1}; er valt niets te projecteren tot {settings.EndYear}");
        }
        var weights = Enumerable.Range(startYear, settings.EndYear - startYear + 1)
            .Select(population.Shares).ToImmutableArray();
        return new(scenarioId, seed, startYear, settings.EndYear, settings, baseline.Hyper, baseline.Anchors, ordered, weights,
            interventions.IsDefault ? [] : interventions, costs.IsDefault ? [] : costs,
            budget ?? BudgetSettings.Default, targets.IsDefault ? [] : targets) { SearchFits = baseline.SearchFits };
    }

    /// <summary>The fits under each calibration search's constants, in the order of <see cref="ForecastSettings.Searched"/> (empty: none).</summary>
    public ImmutableArray<SearchFit> SearchFits { get; init; } = [];

    public int YearCount => EndYear - StartYear + 1;

    /// <summary>The count series of every municipality in order, as the forecast kernel projects them.</summary>
    public ForecastModel Forecast() => ForecastModelBuilder.Assemble(Settings.Forecast, Hyper,
        [.. Municipalities.SelectMany(m => m.Counts)], Anchors);

    /// <summary>One model per set of constants a trajectory can be projected with (<see cref="ForecastSettings.Alternatives"/>).</summary>
    public ImmutableArray<ForecastModel> Forecasts()
    {
        if (SearchFits.IsEmpty) return [Forecast()];
        var alternatives = Settings.Forecast.Alternatives();
        if (alternatives.Length != SearchFits.Length)
            throw new ModelInputException($"het plan heeft {SearchFits.Length} passingen voor {alternatives.Length} sets constanten");
        return [.. alternatives.Select((a, k) => ForecastModelBuilder.Assemble(a, SearchFits[k].Hyper, SearchFits[k].Counts, SearchFits[k].Anchors))];
    }
}
