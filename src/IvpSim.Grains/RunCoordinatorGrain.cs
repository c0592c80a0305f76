using IvpSim.Contracts;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Simulation;
using IvpSim.Model.Results;
using System.Collections.Immutable;

namespace IvpSim.Grains;

/// <summary>
/// Coordinates one run: municipality grains calibrate, then fixed-size batches of trajectories fan out to batch
/// grains. The batches depend only on the run size and batch size, each trajectory has its own random stream,
/// and histograms merge exactly, so the outcome is the same on one silo or many and in any completion order.
/// </summary>
public sealed class RunCoordinatorGrain : Grain, IRunCoordinatorGrain
{
    private RunProgress _progress = new("wachten", 0, 0, 0, 0);

    public Task<RunProgress> GetProgress() => Task.FromResult(_progress);

    public async Task<RunOutcome> Run(RunRequest request)
    {
        var runId = this.GetPrimaryKeyString();
        _progress = new RunProgress("kalibreren", 0, request.Runs, 0, 0);
        var plan = await Calibrate(runId, request);

        var batches = MonteCarlo.Batches(request.Runs, request.BatchSize);
        _progress = new RunProgress("simuleren", 0, request.Runs, 0, batches.Count);
        var aggregate = RunAggregate.Empty;
        var silos = new HashSet<string>();
        var pending = batches.Select((b, i) => GrainFactory.GetGrain<ISimulationBatchGrain>(GrainKeys.Batch(runId, i))
            .Simulate(new BatchRequest(plan, b.First, b.Count))).ToList();
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            var result = await done;
            aggregate = aggregate.Merge(result.Aggregate);
            silos.Add(result.Silo);
            _progress = _progress with
            {
                CompletedBatches = _progress.CompletedBatches + 1,
                CompletedTrajectories = aggregate.Trajectories,
            };
        }
        _progress = _progress with { Phase = "thema's samenvatten" };
        var themes = await SummarizeThemes(runId, request, aggregate);
        _progress = _progress with { Phase = "klaar" };
        return new RunOutcome(plan, aggregate, silos.Count, themes);
    }

    private async Task<SimulationPlan> Calibrate(string runId, RunRequest request)
    {
        var grains = Regions.Municipalities
            .Select(m => GrainFactory.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(m, runId)))
            .ToArray();
        var data = new MunicipalityData(request.Observations);
        var series = await Task.WhenAll(grains.Select(g => g.Load(data)));
        var hyper = ForecastModelBuilder.Pool([.. series.SelectMany(s => s.Series)], request.Settings.Forecast);
        var anchors = ForecastModelBuilder.FitAnchors(request.National, request.Settings.Forecast);
        var calibration = new CalibrationRequest(hyper, request.Settings, request.National, anchors);
        var models = await Task.WhenAll(grains.Select(g => g.Calibrate(calibration)));
        var interventions = await Task.WhenAll(request.Interventions
            .GroupBy(u => u.InterventionId)
            .Select(g => GrainFactory.GetGrain<IInterventionGrain>(GrainKeys.Intervention(g.Key, runId))
                .Prepare(new InterventionRequest(request.Catalogue.Find(g.Key)!, [.. g], request.Budget, request.Population))));
        return SimulationPlan.Create(request.ScenarioId, request.Seed, request.Settings,
            new CalibratedBaseline(hyper, anchors, [.. models.Select(m => m.Model)]), request.Population, [.. interventions.Select(i => i.Planned)],
            [.. interventions.Select(i => i.Cost)], request.Budget, request.Targets);
    }

    private async Task<ImmutableArray<ThemeSummaryRow>> SummarizeThemes(string runId, RunRequest request, RunAggregate aggregate)
    {
        var summaries = await Task.WhenAll(request.Catalogue.Themes.Select(theme =>
            GrainFactory.GetGrain<IThemeGrain>(GrainKeys.Theme(theme.Id, runId)).Summarize(new ThemeRequest(
                request.ScenarioId, theme, [.. request.Catalogue.InterventionsOf(theme.Id).Select(i => i.Id)], aggregate))));
        return [.. summaries.SelectMany(s => s.Rows)];
    }
}
