using System.Collections.Immutable;
using IvpSim.Data;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Tests;

/// <summary>The seed's data and its calibrated baseline, read once for the tests that build plans on it.</summary>
internal static class SeedModel
{
    public static readonly ObservationSet Data = new(ObservationCsv.Read(RepoRoot.Data("observations.csv")));
    public static readonly Population People = PopulationCsv.Read(RepoRoot.Data("population.csv"));
    public static readonly (PooledHyperparameters Hyper, ImmutableArray<MunicipalityModel> Models) Calibrated =
        BaselineCalibrator.Calibrate(Data, new ModelSettings());
}
