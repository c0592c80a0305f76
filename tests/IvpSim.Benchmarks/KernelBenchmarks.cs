using BenchmarkDotNet.Attributes;
using IvpSim.Data;
using IvpSim.Model.Calibration;
using IvpSim.Model.Interventions;
using IvpSim.Model.Simulation;
using IvpSim.Tests.Shared;

namespace IvpSim.Benchmarks;

/// <summary>One trajectory of the baseline (the kernel alone, and with aggregation) and of the plan with its contributions and costs.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private TrajectorySimulator _simulator = null!;
    private BatchRunner _baseline = null!, _plan = null!;
    private int[] _output = [];
    private long _trajectory;

    [GlobalSetup]
    public void Setup()
    {
        _simulator = new TrajectorySimulator(Plan("baseline.yaml"));
        _output = new int[_simulator.Layout.Size];
        _baseline = new BatchRunner(Plan("baseline.yaml"));
        _plan = new BatchRunner(Plan("ivp-plan.yaml"));
        // Warm the histogram windows so that what is measured is the steady state.
        _baseline.Run(0, 20_000);
        _plan.Run(0, 5_000);
        _trajectory = 20_000;
    }

    [Benchmark(Description = "baseline: one trajectory, kernel only")]
    public void BaselineKernel() => _simulator.Simulate(_trajectory++, _output);

    [Benchmark(Description = "baseline: one trajectory, aggregated")]
    public void BaselineRun() => _baseline.Run(_trajectory++, 1);

    [Benchmark(Description = "ivp-plan: one trajectory with contributions and costs")]
    public void PlanRun() => _plan.Run(_trajectory++, 1);

    private static SimulationPlan Plan(string scenario)
    {
        var inputs = ScenarioInputs.Load(RepoRoot.Scenario(scenario));
        var baseline = BaselineCalibrator.Calibrate(inputs.Observations, inputs.Scenario.Model, inputs.National);
        var (planned, costs) = InterventionPlanning.Plan(inputs.Catalogue, inputs.Scenario.Interventions, inputs.Scenario.Budget, inputs.Population);
        return SimulationPlan.Create(inputs.Scenario.Id, 2020, inputs.Scenario.Model, baseline, inputs.Population, planned, costs,
            inputs.Scenario.Budget, inputs.Targets);
    }
}
