using System.Globalization;
using System.Text;
using IvpSim.Model.Forecasting;

namespace IvpSim.Reporting.Results;

/// <summary>
/// run.txt: what produced these results — scenario, seed, runs, data file with checksum, calibration years and
/// the estimated hyperparameters — so a result can always be traced and reproduced.
/// </summary>
public static class RunManifest
{
    public static string Format(ScenarioReport result)
    {
        var s = result.Scenario;
        var plan = result.Plan;
        var inv = CultureInfo.InvariantCulture;
        var years = result.Observations.Items.Select(o => o.Year).Distinct().Order().ToArray();
        var sb = new StringBuilder();
        sb.Append(inv, $"scenario: {s.Id} ({s.NameNl})\n");
        sb.Append(inv, $"scenario_file: {s.SourceFile}\n");
        sb.Append(inv, $"runs: {s.Run.Runs}\nseed: {s.Run.Seed}\nbatch_size: {s.Run.BatchSize?.ToString(inv) ?? "auto"}\n");
        sb.Append(inv, $"ivpsim_version: {RunFacts.ToolVersion}\n");
        sb.Append(inv, $"data_file: {s.Data.Observations}\ndata_sha256: {FileChecksum.Sha256(s.Data.Observations)}\n");
        if (s.Data.BaseObservations is { } baseFile)
            sb.Append(inv, $"data_overlays: {baseFile} (sha256 {FileChecksum.Sha256(baseFile)})\n");
        sb.Append(inv, $"calibration_years: {string.Join(",", years)}\n");
        sb.Append(inv, $"projection_years: {plan.StartYear}-{plan.EndYear}\n");
        sb.Append(inv, $"cluster: {result.Facts.Cluster}\n");
        sb.Append(inv, $"silos_used: {result.Facts.Silos.Length}\n");
        foreach (var share in result.Facts.Silos)
            sb.Append(inv, $"trajectories_on_silo: {share.Silo} {share.Trajectories}\n");
        sb.Append(inv, $"batches_retried_after_silo_loss: {result.Facts.RetriedBatches}\n");
        if (result.Facts.Precision is { } p)
            sb.Append(inv, $"precision: {p.Goal} (max_runs {p.MaxRuns}); trajectories: {p.Trajectories}; largest_se: {p.LargestError:F5}; reached: {(p.Reached ? "ja" : "nee")}\n");
        if (result.Aggregate.Trajectories > 0)
            sb.Append(inv, $"p_all_crime_targets: {(double)result.Aggregate.CountTargetsAllMet / result.Aggregate.Trajectories:F4}\n");
        sb.Append(inv, $"noise_pooled_log_variance: {plan.Hyper.Noise:F5}\n");
        sb.Append(inv, $"common_correlation: {plan.Hyper.CommonCorrelation:F3}\n");
        sb.Append(inv, $"forecast_calibration: {s.Data.Calibration ?? "(geen: ongekalibreerde standaardwaarden)"}\n");
        if (s.Data.Calibration is { } calibration) sb.Append(inv, $"forecast_calibration_sha256: {FileChecksum.Sha256(calibration)}\n");
        sb.Append(inv, $"reference_corpus: {s.Data.Reference ?? "(geen)"}\n");
        var f = s.Model.Forecast;
        sb.Append(inv, $"forecast_constants: noise_scale {f.NoiseScale}, noise_prior_df {f.NoisePriorDf}, level_drift_sd {f.LevelDriftSd}, " +
            $"jump_probability {f.JumpProbability}, jump_sd {f.JumpSd}, jump_repeat {f.JumpRepeat}, slope_prior_sd {f.SlopePriorSd}, slope_drift_sd {f.SlopeDriftSd}\n");
        sb.Append(inv, $"structure_weights: {string.Join(", ", Structures.All.Select((x, i) => $"{x.Id} {f.Weights[i]}"))}\n");
        var national = plan.Municipalities.SelectMany(m => m.Counts).Count(c => c.HasAnchor);
        sb.Append(inv, $"series_following_national: {national} of {plan.Municipalities.Sum(m => m.Counts.Length)}\n");
        sb.Append(inv, $"catalogue: {s.Data.Catalogue}\n");
        sb.Append(inv, $"budget: split {s.Budget.Key}, cost_correlation {s.Budget.CostCorrelation}, indexation {s.Budget.Indexation}, claim_year {s.Budget.ClaimYear}\n");
        foreach (var use in s.Interventions)
            sb.Append(inv, $"intervention: {use.InterventionId} {use.Municipality} from {use.StartYear} intensity {use.Intensity}{(use.Shared ? " shared" : "")}\n");
        return sb.ToString();
    }

}
