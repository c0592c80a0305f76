using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using IvpSim.Data;
using IvpSim.Model.Optimisation;
using IvpSim.Model.Scenarios;
using IvpSim.Model.Targets;
using IvpSim.Reporting;
using IvpSim.Reporting.Charts;
using IvpSim.Reporting.Csv;

namespace IvpSim.Cli.Output;

/// <summary>How a search was run: for run.txt and best.yaml.</summary>
public sealed record OptimisationFacts(int Runs, ulong Seed, int ConfirmRuns, ulong ConfirmSeed, int Evaluations, ImmutableArray<int> StartYears,
    string Candidates, string BaseScenario);

/// <summary>An optimisation's files: search.csv, pareto.csv, front.png, best.yaml and run.txt.</summary>
public static class OptimisationFiles
{
    public const string BestFile = "best.yaml";

    /// <param name="finalFolder">Where the files end up: best.yaml's data paths are relative to it.</param>
    public static void Write(string folder, string finalFolder, SearchResult result, PortfolioSpace space, SearchGoal goal, ImmutableArray<TargetDefinition> targets,
        Scenario? best, PortfolioEvaluation? confirmed, PortfolioEvaluation? confirmedRandom, bool charts, OptimisationFacts facts)
    {
        // best.yaml holds the recommended portfolio: the guided search's, or the random search's where that did better.
        var recommended = PortfolioOptimiser.Recommended(confirmed, confirmedRandom, goal);
        File.WriteAllText(Path.Combine(folder, "search.csv"), OptimisationCsv.Search(result.Evaluations, space, goal, targets));
        File.WriteAllText(Path.Combine(folder, "pareto.csv"), OptimisationCsv.Pareto(result.Front(), space, goal, targets));
        if (best is not null && recommended is not null)
        {
            var note = goal.Acceptable(recommended) ? "" : "\nLET OP: deze portefeuille haalt de gevraagde minimale kans of het budget niet (zie de console).";
            File.WriteAllText(Path.Combine(folder, BestFile), ScenarioYamlWriter.Format(best, finalFolder,
                $"Beste portefeuille van './run-sim.sh optimise', {DateTime.Now:yyyy-MM-dd HH:mm}. Draai met: ./run-sim.sh run {BestFile}" +
                $"\nKans alle misdaaddoelen {Pct(recommended.PAll)} ± {Pct(recommended.PAllSe)} (bevestigd op {facts.ConfirmRuns} nieuwe trajecten, seed {facts.ConfirmSeed});" +
                $" claim P80 {string.Join(", ", recommended.ClaimP80.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value:0}"))}." + note));
        }
        File.WriteAllText(Path.Combine(folder, "run.txt"), Manifest(result, goal, confirmed, confirmedRandom, facts));
        if (charts) FrontChart.Save(result, goal.Budgets.Values.Sum(), Path.Combine(folder, FrontChart.FileName));
    }

    private static string Manifest(SearchResult result, SearchGoal goal, PortfolioEvaluation? best, PortfolioEvaluation? random, OptimisationFacts facts)
    {
        var text = new StringBuilder();
        text.Append($"candidates: {facts.Candidates}\nbase_scenario: {Path.GetFullPath(facts.BaseScenario)}\n")
            .Append($"objective: {goal.Objective.ToString().ToLowerInvariant()}\nmin_probability: {Num(goal.MinProbability)}\n")
            .Append($"budgets: {string.Join(",", goal.Budgets.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => $"{b.Key}={Num(b.Value)}"))}\n")
            .Append($"start_years: {string.Join(",", facts.StartYears)}\nevaluations_per_method: {facts.Evaluations}\n")
            .Append($"runs_per_evaluation: {facts.Runs}\nseed: {facts.Seed}\nconfirm_runs: {facts.ConfirmRuns}\nconfirm_seed: {facts.ConfirmSeed}\n")
            .Append($"evaluated: {result.Evaluations.Length}\n");
        foreach (var (label, e) in new[] { ("best_optimiser", best), ("best_random", random) })
        {
            if (e is null) continue;
            text.Append($"{label}_p_all_targets: {Num(e.PAll)}\n{label}_p_all_targets_se: {Num(e.PAllSe)}\n")
                .Append($"{label}_claim_p80: {string.Join(",", e.ClaimP80.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={Num(Math.Round(c.Value))}"))}\n")
                .Append($"{label}_acceptable: {(goal.Acceptable(e) ? "true" : "false")}\n");
        }
        return text.ToString();
    }

    private static string Num(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Pct(double p) => DutchFormat.Number(p * 100, 1) + "%";
}
