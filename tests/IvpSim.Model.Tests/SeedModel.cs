using IvpSim.Data;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Tests;

/// <summary>The seed's data, the shipped calibration and the calibrated baseline, read once for the tests that build plans on it.</summary>
internal static class SeedModel
{
    public static readonly ScenarioInputs Inputs = ScenarioInputs.Load(RepoRoot.Scenario("baseline.yaml"));
    public static ObservationSet Data => Inputs.Observations;
    public static Population People => Inputs.Population;
    public static ModelSettings Settings => Inputs.Scenario.Model;
    public static readonly CalibratedBaseline Calibrated = BaselineCalibrator.Calibrate(Data, Settings, Inputs.National);
}
