using IvpSim.Data;
using IvpSim.Model.Scenarios;
using IvpSim.Reporting.Html;
using IvpSim.Web;
using IvpSim.Web.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace IvpSim.Cli.Web;

/// <summary>
/// The planner page: GET shows a starting scenario and its chances; POST loads another, runs the mix, saves it as a
/// scenario file or downloads its report. One form, rendered on the server; every POST carries an antiforgery token.
/// </summary>
public static class PageEndpoints
{
    public const string DefaultStart = "ivp-plan.yaml";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext http, ScenarioLibrary library, PlannerEngine engine, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            var scenarios = library.List();
            var start = scenarios.Contains(DefaultStart) ? DefaultStart : scenarios.FirstOrDefault();
            return await Render(http, antiforgery, library, engine, start ?? "", start is null ? null : library.Load(start), null,
                ServeSettings.PageRuns, run: true, "", ct);
        });
        app.MapPost("/", PostAsync).DisableAntiforgery();  // validated below, so that a refusal is a page, not a bare 400
    }

    private static async Task<IResult> PostAsync(HttpContext http, ScenarioLibrary library, PlannerEngine engine, IAntiforgery antiforgery,
        ServeSettings settings, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Text("Verlopen of ongeldig formulier: laad de pagina opnieuw.", statusCode: StatusCodes.Status400BadRequest);
        var posted = await http.Request.ReadFormAsync(ct);
        var form = posted.Keys.ToDictionary(k => k, k => posted[k].ToString());
        var start = form.GetValueOrDefault("scenario") ?? DefaultStart;
        var action = form.GetValueOrDefault("action") ?? "run";
        var saveName = form.GetValueOrDefault("savename") ?? "";
        var runs = int.TryParse(form.GetValueOrDefault("runs"), out var r) && r >= 1_000 ? Math.Min(r, settings.MaxRuns) : ServeSettings.PageRuns;
        ScenarioInputs? startInputs = null;
        try
        {
            startInputs = library.Load(start);
            if (action == "load") return await Render(http, antiforgery, library, engine, start, startInputs, null, runs, run: true, saveName, ct);
            var mix = Mix(startInputs, form);
            switch (action)
            {
                case "save":
                {
                    var scenario = mix.Scenario with
                    {
                        Id = saveName, NameNl = saveName, DescriptionNl = $"Samengesteld in de planner vanuit {start}.",
                    };
                    var path = library.Save(scenario, form.GetValueOrDefault("overwrite") == "true",
                        $"Opgeslagen door de IvpSim-planner, {DateTime.Now:yyyy-MM-dd HH:mm}, vanuit {start}. Draai met: ./run-sim.sh run scenarios/{saveName}.yaml");
                    return await Render(http, antiforgery, library, engine, start, startInputs, form, runs, run: false, saveName, ct,
                        message: $"Opgeslagen als scenarios/{Path.GetFileName(path)}.");
                }
                case "report":
                {
                    var (_, comparison) = await engine.RunAsync([startInputs, mix], runs, startInputs.Scenario.Run.Seed, ct);
                    return Results.File(System.Text.Encoding.UTF8.GetBytes(HtmlReport.Render(comparison, DateTime.Now)), "text/html; charset=utf-8",
                        "ivpsim-rapport.html");
                }
                default:
                    return await Render(http, antiforgery, library, engine, start, startInputs, form, runs, run: true, saveName, ct);
            }
        }
        catch (Exception e) when (WebErrors.Message(e) is { } message)
        {
            // A starting scenario that could not be read shows no mix: only the message.
            return await Render(http, antiforgery, library, engine, start, startInputs, form, runs, run: false, saveName, ct,
                error: message, status: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The starting scenario with the posted mix in place of its interventions.</summary>
    private static ScenarioInputs Mix(ScenarioInputs start, IReadOnlyDictionary<string, string> form) =>
        start with { Scenario = start.Scenario with { Id = PlannerEngine.MixId, NameNl = "Eigen mix", Interventions = MixForm.Uses(start, form) } };

    private static async Task<IResult> Render(HttpContext http, IAntiforgery antiforgery, ScenarioLibrary library, PlannerEngine engine,
        string start, ScenarioInputs? inputs, IReadOnlyDictionary<string, string>? form, int runs, bool run, string saveName, CancellationToken ct,
        string? message = null, string? error = null, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        IReadOnlyList<MixRow> rows = [];
        PlannerResults? results = null;
        var startName = "";
        if (inputs is not null)
        {
            startName = inputs.Scenario.NameNl;
            // What the user set stays on the page, also when it could not be run.
            rows = form is null ? MixForm.Rows(inputs) : MixForm.Overlay(MixForm.Rows(inputs), form);
            if (run && error is null)
            {
                var mix = form is null ? inputs with { Scenario = inputs.Scenario with { Id = PlannerEngine.MixId, NameNl = "Eigen mix" } } : Mix(inputs, form);
                results = await engine.CompareAsync(inputs, mix, runs, charts: true, ct);
            }
        }
        var view = new PlannerView(library.List(), start, startName, rows, [2020, 2021, 2022, 2023, 2024], runs, results, message, error,
            tokens.FormFieldName, tokens.RequestToken ?? "", saveName);
        return new RazorComponentResult<PlannerPage>(new { View = view }) { StatusCode = status };
    }
}
