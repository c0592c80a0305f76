using IvpSim.Contracts;
using IvpSim.Data;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace IvpSim.Grains.Tests;

/// <summary>
/// In a long-lived silo a municipality grain keeps its data and its fits: a second run with the same data does not fit
/// again, a run with other data goes to another grain, and the numbers do not depend on what was kept.
/// </summary>
public sealed class KeptCalibrationTests
{
    [Fact]
    public async Task Should_fit_each_municipality_once_When_the_same_data_run_twice()
    {
        var inputs = ScenarioInputs.Load(RepoRoot.Scenario("ivp-plan.yaml"));
        await using var cluster = await TestClusters.StartAsync(1);
        var serializer = cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        IMunicipalityGrain Grain(ObservationSet data, string m) => cluster.Client.GetGrain<IMunicipalityGrain>(
            GrainKeys.Municipality(m, ContentKeys.Of(serializer, new MunicipalityData(CalibrationInputs.ForMunicipality(data, m)))));

        // One fit with the median constants, one with each calibration search's (a run projects with all of them); a set
        // of constants met before is a request the grain has seen.
        var fits = BaselineCalibrator.SearchSettings(inputs.Scenario.Model).Prepend(inputs.Scenario.Model)
            .Select(s => Model.Forecasting.ForecastConstants.Of(s.Forecast)).Distinct().Count();
        Assert.InRange(fits, 2, 6);
        var first = await Run(cluster.Client, inputs);
        var second = await Run(cluster.Client, inputs);

        foreach (var m in Regions.Municipalities)
            Assert.Equal(new GrainWork(1, fits), await Grain(inputs.Observations, m).GetWork());
        Assert.Equal([.. first.Aggregate.TargetsMet], second.Aggregate.TargetsMet.ToArray());

        // Other data (one more burglary in Ermelo in 2019) find other grains, which fit anew; the unchanged ones stay fitted once.
        var changed = new ObservationSet([.. inputs.Observations.Items.Select(o =>
            o is { Region: "ermelo", Indicator: Indicators.ResidentialBurglary, Year: 2019 } ? o with { Value = o.Value + 1 } : o)]);
        await Run(cluster.Client, inputs with { Observations = changed });
        Assert.Equal(new GrainWork(1, fits), await Grain(changed, "ermelo").GetWork());
        Assert.Equal(new GrainWork(1, fits), await Grain(inputs.Observations, "ermelo").GetWork());
        // Putten's data did not change, but the pooled hyperparameters did: same grain, a second fit.
        Assert.Equal(new GrainWork(1, 2 * fits), await Grain(inputs.Observations, "putten").GetWork());
    }

    private static Task<RunOutcome> Run(IClusterClient client, ScenarioInputs inputs) =>
        client.GetGrain<IRunCoordinatorGrain>(Guid.NewGuid().ToString("N"))
            .Run(RunCoordinatorGrainTests.Request(inputs, 500, 500), CancellationToken.None);
}
