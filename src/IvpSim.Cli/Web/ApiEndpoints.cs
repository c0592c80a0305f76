using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IvpSim.Reporting.Csv;
using IvpSim.Reporting.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IvpSim.Cli.Web;

/// <summary>
/// The API the page also stands on. <c>POST /api/run?runs=N&amp;seed=S</c> with a scenario YAML as the body returns the
/// fields of targets.csv, the claim rows of budget.csv and the run's seed, runs and input hashes; <c>GET /api/scenarios</c>
/// lists the scenario files. Bad input: HTTP 400 with the CLI's one-line Dutch message.
/// </summary>
public static class ApiEndpoints
{
    // Relaxed escaping: "<=" stays readable; the JSON is served as application/json, never inlined into HTML.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/scenarios", (ScenarioLibrary library) =>
            Results.Json(library.List().Select(file => new { file }), Json));
        app.MapPost("/api/run", RunAsync).DisableAntiforgery();
    }

    private static async Task<IResult> RunAsync(HttpContext http, ScenarioLibrary library, PlannerEngine engine, ServeSettings settings,
        CancellationToken ct)
    {
        return await WebErrors.Guard(library.Folder, async () =>
        {
            var query = http.Request.Query;
            var text = await new StreamReader(http.Request.Body, Encoding.UTF8).ReadToEndAsync(ct);
            if (text.Length == 0) throw new Data.InputException("body", null, null, "stuur een scenario (YAML) als inhoud van het verzoek");
            var inputs = library.FromText(text);
            var runs = Integer(query["runs"], inputs.Scenario.Run.Runs, "runs", 1, settings.MaxRuns, "--max-runs");
            var seed = (ulong)Integer(query["seed"], (long)inputs.Scenario.Run.Seed, "seed", 0, long.MaxValue, null);
            var (reports, _) = await engine.RunAsync([inputs], (int)runs, seed, ct);
            var report = reports[0];
            return Results.Json(new
            {
                targets = Rows(TargetsCsv.Format(report.Targets)),
                budget = Rows(BudgetCsv.Format(report.Budget.Where(b => b.Year == report.Scenario.Budget.ClaimYear))),
                p_all_crime_targets = (double)report.Aggregate.CountTargetsAllMet / Math.Max(1, report.Aggregate.Trajectories),
                run = new
                {
                    scenario = report.Id,
                    seed,
                    runs,
                    scenario_sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))),
                    inputs = ScenarioReport.InputFiles(report.Scenario).Where(f => f.Role != "scenario")
                        .Select(f => new { role = f.Role, file = Path.GetRelativePath(library.Folder, f.Path), sha256 = f.Sha256 }),
                },
            }, Json);
        });
    }

    /// <summary>A CSV table as JSON rows with the same fields; numbers as numbers.</summary>
    private static List<Dictionary<string, object?>> Rows(string csv)
    {
        using var reader = new CsvHelper.CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var header = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read()) rows.Add(header.ToDictionary(h => h, h => Value(reader.GetField(h) ?? "")));
        return rows;
    }

    private static object? Value(string text) =>
        text.Length == 0 ? null : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : text;

    private static long Integer(string? text, long fallback, string name, long min, long max, string? limit)
    {
        if (string.IsNullOrEmpty(text)) return Math.Min(fallback, max);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new Data.InputException(name, null, null, $"'{text}' is geen geheel getal van minstens {min}");
        if (value > max)
            throw new Data.InputException(name, null, null, $"{value} is meer dan deze server toestaat ({max}{(limit is null ? "" : $", {limit}")}); vraag minder");
        return value;
    }
}
