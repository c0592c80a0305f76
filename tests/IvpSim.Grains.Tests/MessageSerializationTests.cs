using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Backtest;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using IvpSim.Model.Interventions;
using IvpSim.Model.Results;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace IvpSim.Grains.Tests;

/// <summary>
/// Every message that crosses a silo boundary survives Orleans' own serializer unchanged (field for field, doubles
/// bit for bit), with real content: a scenario with interventions, overrides and a run's results. A message type
/// added to the contracts without a case here makes the test fail.
/// </summary>
public sealed class MessageSerializationTests
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        IncludeFields = true,
    };

    [Fact]
    public async Task Should_round_trip_every_message_type_unchanged_When_serialized_by_Orleans()
    {
        var serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(RunRequest).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();
        var messages = await RealMessages();
        foreach (var message in messages)
        {
            var bytes = serializer.SerializeToArray(message);
            var copy = serializer.Deserialize<object>(bytes)!;
            Assert.Equal(message.GetType(), copy.GetType());
            Assert.Equal(JsonSerializer.Serialize(message, message.GetType(), Json), JsonSerializer.Serialize(copy, copy.GetType(), Json));
        }
        var error = serializer.Deserialize<RunInputException>(serializer.SerializeToArray(new RunInputException("gemeente putten: geen data")))!;
        Assert.Equal("gemeente putten: geen data", error.Message);

        var lost = serializer.Deserialize<WorkerLostException>(serializer.SerializeToArray(new WorkerLostException("worker r/3 has no plan")))!;
        Assert.Equal("worker r/3 has no plan", lost.Message);

        var covered = messages.Select(m => m.GetType()).Append(typeof(RunInputException)).Append(typeof(WorkerLostException)).ToHashSet();
        var declared = typeof(RunRequest).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null && t.Namespace == "IvpSim.Contracts");
        Assert.Empty(declared.Where(t => !covered.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void Should_send_a_municipality_only_its_own_and_the_regions_data_When_it_loads()
    {
        var inputs = ScenarioInputs.Load(RepoRoot.Scenario("ivp-plan.yaml"));
        var own = CalibrationInputs.ForMunicipality(inputs.Observations, Regions.Ermelo);
        Assert.All(own.Items, o => Assert.Contains(o.Region, new[] { Regions.Ermelo, Regions.VeluweWest }));
        Assert.True(own.Items.Length < inputs.Observations.Items.Length, $"{own.Items.Length} of {inputs.Observations.Items.Length} observations");
        Assert.Equal(inputs.Observations.Items.Count(o => o.Region == Regions.Ermelo), own.Items.Count(o => o.Region == Regions.Ermelo));
    }

    private static async Task<List<object>> RealMessages()
    {
        var inputs = ScenarioInputs.Load(RepoRoot.Scenario("ivp-plan.yaml"));
        var request = RunCoordinatorGrainTests.Request(inputs, 300, 100);
        var compare = new CompareRequest([request, RunCoordinatorGrainTests.Request(ScenarioInputs.Load(RepoRoot.Scenario("baseline.yaml")), 300, 100)]);
        CompareOutcome compared;
        await using (var cluster = await TestClusters.StartAsync(1))
        {
            compared = await cluster.Client.GetGrain<IRunCoordinatorGrain>("serialization").Compare(compare, CancellationToken.None);
        }
        var outcome = compared.Scenarios[0];
        var plan = outcome.Plan;
        var model = plan.Municipalities[0];
        var series = CalibrationInputs.CountSeries(inputs.Observations, model.Municipality);
        var use = inputs.Scenario.Interventions[0];
        var theme = inputs.Catalogue.Themes[0];
        var backtestInputs = new BacktestInputs(inputs.Observations, inputs.Population,
            new ReferenceCorpus([.. inputs.Corpus.Series.Take(3)]), inputs.National, inputs.Scenario.Model);
        var backtestOptions = new BacktestOptions([2018], 1, 1, 100, 7, PerStructure: false);
        // Three series share too little for a check of their own, so one is made up: every field must cross.
        var shared = new SharedOutcomeCheck("overig", 2015, 2022, 154, 0.71, 0.97, 0.36, new(0.3, 0.5, 0.7), new(0.8, 0.9, 0.95),
            new(0.6, 0.68, 0.76), new(0.93, 0.96, 0.99)) { Relative = new(0.52, 0.91, new(0.44, 0.5, 0.57), new(0.86, 0.9, 0.94)) };
        // A use with an effect and a cost override, so that those cross too.
        var overridden = request with
        {
            Interventions = request.Interventions.SetItem(0, request.Interventions[0] with
            {
                EffectOverrides = ImmutableDictionary<string, Distribution>.Empty.Add(Indicators.ResidentialBurglary, new Distribution(DistributionKind.Pert, -0.2, -0.1, 0.01)),
                CostOverride = new InterventionCost(Distribution.Fixed(12_500), new Distribution(DistributionKind.LogNormal, 0, 1_000, 5_000), "per jaar", 2021),
                Coverage = 0.5,
                RampUpYears = 2,
            }),
        };
        return
        [
            request,
            overridden,
            new RunProgress("simuleren", 10, 300, 1, 3, "S127.0.0.1:11111:1", true, 2),
            new SiloShare("S127.0.0.1:11111:1", 300),
            outcome,
            new SiloCores(2, "S127.0.0.1:11111:1"),
            new BatchDone(100, "S127.0.0.1:11111:1"),
            new MunicipalityData(CalibrationInputs.ForMunicipality(inputs.Observations, model.Municipality)),
            new CalibrationSeriesSet(series),
            new CalibrationRequest(plan.Hyper, plan.Settings, inputs.National, plan.Anchors),
            new MunicipalityModelMessage(model),
            new InterventionRequest(inputs.Catalogue.Find(use.InterventionId)!, [.. inputs.Scenario.Interventions.Where(u => u.InterventionId == use.InterventionId)],
                inputs.Scenario.Budget, inputs.Population),
            new PlannedInterventionMessage(plan.Interventions[0], plan.Costs[0]),
            new ThemeRequest(inputs.Scenario.Id, theme, [.. inputs.Catalogue.InterventionsOf(theme.Id).Select(i => i.Id)], outcome.Aggregate),
            new ThemeSummaryMessage(outcome.Themes),
            new WorkerPlan([plan, compared.Scenarios[1].Plan]),
            new WorkerResult([outcome.Aggregate, compared.Scenarios[1].Aggregate], compared.Paired, [0, 100, 200]),
            compare,
            compared,
            // A run with a precision goal, and one that continues from a checkpoint of two scenarios.
            request with { Precision = new Model.Simulation.PrecisionGoal(0.004, 2_000_000) },
            new RunCheckpoint(RunCheckpoint.CurrentVersion, "abc", 200, 300, 100, [200], [outcome.Aggregate, compared.Scenarios[1].Aggregate], compared.Paired, false),
            compare with
            {
                Identity = "abc", CheckpointKey = "/tmp/x.ivpsim-tussenstand", Start = RunStart.Given,
                From = new RunCheckpoint(RunCheckpoint.CurrentVersion, "abc", 300, 300, 0, [], [outcome.Aggregate, compared.Scenarios[1].Aggregate], compared.Paired, true),
            },
            new BacktestRequest(backtestInputs, backtestOptions),
            new BacktestResult(Backtester.Run(backtestInputs, backtestOptions), [shared], ["tinytown"],
                [new LearnedAtOrigin(2017, Model.Forecasting.ForecastSettings.Uncalibrated)], ["beginjaar 2017: leren …"]),
            new CalibrationRequest(plan.Hyper, plan.Settings, inputs.National, plan.Anchors, "0123456789ab"),
            new InterventionRequest(inputs.Catalogue.Find(use.InterventionId)!, [use], inputs.Scenario.Budget, inputs.Population, "ba9876543210"),
            new GrainWork(1, 2),
            // What a sensitivity analysis of two scenarios returns: rows with NaN where a claim has no chance, and the value of information.
            Model.Analysis.SensitivityAnalysis.Run([plan, compared.Scenarios[1].Plan],
                inputs.Catalogue.Interventions.ToDictionary(i => i.Id, i => (i.NameNl, i.Evidence.Strength)), 4_000),
        ];
    }
}
