using IvpSim.Contracts;
using IvpSim.Model.Aggregation;
using IvpSim.Model.Calibration;
using IvpSim.Model.Comparison;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Simulation;
using IvpSim.Model.Results;
using System.Collections.Immutable;
using Orleans.Runtime.Placement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;

namespace IvpSim.Grains;

/// <summary>
/// Coordinates one run: municipality grains calibrate, then batches of trajectories go to worker grains (one per
/// core) that hold the plan, a bounded number at a time, and their results merge into one accumulator as they come.
/// Each trajectory has its own random stream and histograms merge exactly, so the outcome is the same on one silo
/// or many, for any batch size and in any completion order.
/// </summary>
public sealed class RunCoordinatorGrain(ILogger<RunCoordinatorGrain> logger) : Grain, IRunCoordinatorGrain
{
    private RunProgress _progress = new("wachten", 0, 0, 0, 0);

    public Task<RunProgress> GetProgress() => Task.FromResult(_progress with { Silo = RuntimeIdentity });

    public async Task<RunOutcome> Run(RunRequest request, CancellationToken cancellationToken) =>
        (await Compare(new CompareRequest([request]), cancellationToken)).Scenarios[0];

    public async Task<CompareOutcome> Compare(CompareRequest request, CancellationToken cancellationToken)
    {
        var runId = this.GetPrimaryKeyString();
        var scenarios = request.Scenarios;
        var plans = await CalibrateTogether(scenarios);
        var runs = scenarios[0].Runs;
        cancellationToken.ThrowIfCancellationRequested();

        var places = await WorkerPlaces();
        var keeper = new CheckpointKeeper(ServiceProvider.GetService<IRunCheckpointStore>(), ServiceProvider.GetRequiredService<Serializer>(), request, runId);
        var from = await keeper.StartAsync();
        var goal = scenarios[0].Precision;
        var aggregates = new RunAggregate[plans.Length];
        Array.Fill(aggregates, RunAggregate.Empty);
        var paired = ComparisonAggregate.Empty;
        long done = 0, target = runs;
        var batchSize = scenarios[0].BatchSize ?? MonteCarlo.AutoBatchSize(runs, places.Count);
        ImmutableArray<long> securedBefore = [];
        if (from is not null)
        {
            // Continue where the checkpoint stands: its finished rounds and secured batches are in its aggregates.
            for (var k = 0; k < aggregates.Length; k++) aggregates[k] = from.Aggregates[k];
            paired = from.Paired;
            if (from.Finished)
            {
                done = from.RoundEnd;
                target = goal is null ? runs : PrecisionRule.NextRuns(aggregates, paired, goal, done);
            }
            else
            {
                (done, target, batchSize, securedBefore) = (from.RoundStart, from.RoundEnd, from.BatchSize, from.Secured);
            }
            logger.LogInformation("run {Run}: verder vanaf de tussenstand met {Trajectories} trajecten", runId, from.Trajectories);
        }
        var silos = new Dictionary<string, long>();
        var retried = 0;
        var started = DateTime.UtcNow;
        _progress = _progress with { CompletedTrajectories = aggregates[0].Trajectories };
        // Without a precision goal one round; with one, rounds add trajectories (the next indices, so the result equals one
        // run of the final count) until every chance is precise enough.
        for (var round = 0; target > done; round++)
        {
            var skip = securedBefore.ToHashSet();
            var batches = MonteCarlo.Batches(done, target, batchSize).Where(b => !skip.Contains(b.First)).ToArray();
            var before = (Aggregates: aggregates.ToArray(), Paired: paired, Trajectories: aggregates[0].Trajectories);
            var batchesBefore = _progress.CompletedBatches;
            _progress = _progress with { Phase = "simuleren", TotalTrajectories = target, TotalBatches = batchesBefore + batches.Length };
            var roundId = round == 0 ? runId : $"{runId}.ronde{round}";
            var (roundStart, roundEnd, roundSecured) = (done, target, securedBefore);
            RunCheckpoint Progress(RunDispatcher d) => keeper.Create(roundStart, roundEnd, batchSize, [.. roundSecured, .. d.SecuredBatches],
                [.. before.Aggregates.Select((a, k) => a.Merge(d.SecuredAggregates[k]))], before.Paired.Merge(d.SecuredPaired), finished: false);
            // The plans go to each worker once; batches carry only their range.
            var dispatcher = new RunDispatcher(new WorkerPlan([.. plans]), batches, i => GrainFactory.GetGrain<IRunWorkerGrain>(GrainKeys.Worker(roundId, i)),
                places, d => _progress = _progress with
                {
                    CompletedTrajectories = before.Trajectories + d.CompletedTrajectories, CompletedBatches = batchesBefore + d.CompletedBatches,
                    RetriedBatches = retried + d.Retried,
                },
                d => keeper.WriteAsync(() => Progress(d)));
            logger.LogInformation("run {Run}: {Runs} trajecten van {Scenarios} scenario('s) in {Batches} batches, {Workers} workers op {Silos} silo's; coördinator op {Silo}",
                runId, batches.Sum(b => (long)b.Count), scenarios.Length, batches.Length, places.Count, places.Distinct().Count(), RuntimeIdentity);
            (ImmutableArray<RunAggregate> Aggregates, ComparisonAggregate Paired) result;
            try
            {
                result = await dispatcher.RunAsync(cancellationToken);
            }
            catch (RunTakenOverException e)
            {
                await dispatcher.Abandon();
                logger.LogInformation("run {Run}: overgenomen door {Owner}; deze coördinator stopt", runId, e.Owner);
                throw;
            }
            catch (OperationCanceledException)
            {
                await dispatcher.Abandon();
                logger.LogInformation("run {Run}: afgebroken door de client", runId);
                throw;
            }
            for (var k = 0; k < aggregates.Length; k++) aggregates[k] = aggregates[k].Merge(result.Aggregates[k]);
            paired = paired.Merge(result.Paired);
            foreach (var share in dispatcher.Silos) silos[share.Silo] = silos.GetValueOrDefault(share.Silo) + share.Trajectories;
            retried += dispatcher.Retried;
            done = target;
            securedBefore = [];
            if (goal is not null) target = PrecisionRule.NextRuns(aggregates, paired, goal, done);
            var (nextStart, nextEnd) = (done, target);
            await keeper.WriteAsync(() => keeper.Create(nextStart, nextEnd, batchSize, [], aggregates, paired, finished: nextEnd == nextStart), force: true);
        }
        logger.LogInformation("run {Run}: klaar in {Seconds:0.0} s, {Retried} batches opnieuw na verlies van een silo",
            runId, (DateTime.UtcNow - started).TotalSeconds, retried);
        ImmutableArray<SiloShare> shares = [.. silos.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new SiloShare(kv.Key, kv.Value))];
        _progress = _progress with { Phase = "thema's samenvatten" };
        var outcomes = await Task.WhenAll(scenarios.Select(async (s, k) => new RunOutcome(plans[k], aggregates[k], shares,
            await SummarizeThemes(s, aggregates[k]), retried)));
        _progress = _progress with { Phase = "klaar" };
        return new CompareOutcome([.. outcomes], paired);
    }

    /// <summary>A worker per core of every active silo: each silo is asked for its cores on the silo itself.</summary>
    private async Task<IReadOnlyList<SiloAddress>> WorkerPlaces()
    {
        var hosts = await GrainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var silos = hosts.Keys.OrderBy(a => a.ToParsableString(), StringComparer.Ordinal).ToArray();
        var cores = await Task.WhenAll(silos.Select(silo =>
        {
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
            try
            {
                return GrainFactory.GetGrain<ISiloInfoGrain>(GrainKeys.SiloInfo(silo.ToParsableString())).Cores();
            }
            finally
            {
                RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            }
        }));
        // Interleaved (silo 1, silo 2, …, silo 1, …) so that a fresh worker after a loss goes to each silo in turn.
        var places = new List<SiloAddress>();
        for (var core = 0; core < cores.Max(c => c.Cores); core++)
            places.AddRange(silos.Where((_, i) => core < cores[i].Cores));
        return places;
    }

    public async Task<Model.Analysis.SensitivityResult> Analyse(CompareRequest request, CancellationToken cancellationToken)
    {
        var runId = this.GetPrimaryKeyString();
        var scenarios = request.Scenarios;
        var plans = await CalibrateTogether(scenarios);
        var runs = scenarios[0].Runs;
        var names = scenarios.SelectMany(s => s.Catalogue.Interventions).DistinctBy(i => i.Id)
            .ToDictionary(i => i.Id, i => (i.NameNl, i.Evidence.Strength));
        _progress = _progress with { Phase = "analyseren" };
        var started = DateTime.UtcNow;
        try
        {
            return await Task.Run(() => Model.Analysis.SensitivityAnalysis.Run(plans, names, runs,
                done => _progress = _progress with { CompletedTrajectories = done }, cancellationToken), cancellationToken);
        }
        finally
        {
            logger.LogInformation("analyse {Run}: {Runs} trajecten in {Seconds:F1} s", runId, runs, (DateTime.UtcNow - started).TotalSeconds);
        }
    }

    /// <summary>
    /// Scenarios that run together share their trajectories (one seed, one count); each calibrates on its own grains,
    /// since its data and settings may differ.
    /// </summary>
    private async Task<SimulationPlan[]> CalibrateTogether(ImmutableArray<RunRequest> scenarios)
    {
        if (scenarios.IsEmpty) throw new RunInputException("geen scenario om te draaien");
        if (scenarios.Any(s => s.Seed != scenarios[0].Seed || s.Runs != scenarios[0].Runs))
            throw new RunInputException("scenario's samen draaien vraagt één seed en één aantal trajecten (gemeenschappelijke toevalsgetallen)");
        _progress = new RunProgress("kalibreren", 0, scenarios[0].Runs, 0, 0, Started: true);
        return await Task.WhenAll(scenarios.Select(Calibrate));
    }

    /// <remarks>
    /// Grains are keyed by a hash of what they hold: in a long-lived silo (the planner's server) the next run with the
    /// same data finds the municipalities with their fits and the interventions with their prepared priors.
    /// </remarks>
    private async Task<SimulationPlan> Calibrate(RunRequest request)
    {
        var serializer = ServiceProvider.GetRequiredService<Serializer>();
        // Each municipality gets its own observations (and the region's), not everyone's.
        var data = Regions.Municipalities.Select(m => new MunicipalityData(CalibrationInputs.ForMunicipality(request.Observations, m))).ToArray();
        var grains = Regions.Municipalities
            .Select((m, i) => GrainFactory.GetGrain<IMunicipalityGrain>(GrainKeys.Municipality(m, ContentKeys.Of(serializer, data[i]))))
            .ToArray();
        var series = await Task.WhenAll(grains.Select((g, i) => g.Load(data[i])));
        async Task<CalibratedBaseline> Fit(ModelSettings settings)
        {
            var (hyper, anchors) = BaselineCalibrator.Shared([.. series.SelectMany(s => s.Series)], settings, request.National);
            var calibration = new CalibrationRequest(hyper, settings, request.National, anchors);
            calibration = calibration with { Key = ContentKeys.Of(serializer, calibration) };
            var models = await Task.WhenAll(grains.Select(g => g.Calibrate(calibration)));
            return new CalibratedBaseline(hyper, anchors, [.. models.Select(m => m.Model)]);
        }
        var main = await Fit(request.Settings);
        // Each calibration search's constants fit the same grains again, as BaselineCalibrator does for a backtest.
        var searched = new List<SearchFit>();
        foreach (var settings in BaselineCalibrator.SearchSettings(request.Settings)) searched.Add(SearchFit.Of(await Fit(settings)));
        var baseline = main with { SearchFits = [.. searched] };
        var interventions = await Task.WhenAll(request.Interventions
            .GroupBy(u => u.InterventionId)
            .Select(g =>
            {
                var entry = request.Catalogue.Find(g.Key)!;
                var prepare = new InterventionRequest(entry, [.. g], request.Budget, request.Population);
                return GrainFactory.GetGrain<IInterventionGrain>(GrainKeys.Intervention(g.Key, ContentKeys.Of(serializer, entry)))
                    .Prepare(prepare with { Key = ContentKeys.Of(serializer, prepare) });
            }));
        return SimulationPlan.Create(request.ScenarioId, request.Seed, request.Settings,
            baseline, request.Population, [.. interventions.Select(i => i.Planned)],
            [.. interventions.Select(i => i.Cost)], request.Budget, request.Targets);
    }

    private async Task<ImmutableArray<ThemeSummaryRow>> SummarizeThemes(RunRequest request, RunAggregate aggregate)
    {
        var serializer = ServiceProvider.GetRequiredService<Serializer>();
        var summaries = await Task.WhenAll(request.Catalogue.Themes.Select(theme =>
        {
            ImmutableArray<string> measures = [.. request.Catalogue.InterventionsOf(theme.Id).Select(i => i.Id)];
            var key = $"{ContentKeys.Of(serializer, theme)}.{ContentKeys.Of(serializer, measures)}";
            return GrainFactory.GetGrain<IThemeGrain>(GrainKeys.Theme(theme.Id, key)).Summarize(new ThemeRequest(request.ScenarioId, theme, measures, aggregate));
        }));
        return [.. summaries.SelectMany(s => s.Rows)];
    }
}
