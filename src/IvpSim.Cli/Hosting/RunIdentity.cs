using System.Security.Cryptography;
using System.Text;
using IvpSim.Data;
using IvpSim.Model.Simulation;
using IvpSim.Reporting.Results;

namespace IvpSim.Cli.Hosting;

/// <summary>
/// What makes two runs the same run, whatever their number of trajectories: every input file's content (scenario,
/// observations, targets, inhabitants, catalogue, calibration, national series), the seed, the batch size, the claim
/// year and the precision goal, for each scenario in order. A checkpoint carries it, so it never continues another run.
/// </summary>
public static class RunIdentity
{
    public static string Of(IReadOnlyList<ScenarioInputs> inputs, PrecisionGoal? precision)
    {
        var text = new StringBuilder("ivpsim-run/1\n");
        foreach (var input in inputs)
        {
            var s = input.Scenario;
            text.Append(s.Id).Append('|').Append(s.Run.Seed).Append('|').Append(s.Run.BatchSize?.ToString() ?? "auto")
                .Append('|').Append(s.Budget.ClaimYear).Append('\n');
            foreach (var file in ScenarioReport.InputFiles(s)) text.Append(file.Role).Append(' ').Append(file.Sha256).Append('\n');
        }
        if (precision is not null) text.Append(precision.MaxError.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append('|').Append(precision.MaxRuns);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
