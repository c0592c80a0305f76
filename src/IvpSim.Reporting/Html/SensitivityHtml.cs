using System.Net;
using System.Text;
using IvpSim.Model.Analysis;
using IvpSim.Model.Domain;
using IvpSim.Reporting.Charts;

namespace IvpSim.Reporting.Html;

/// <summary>
/// The sensitivity report: per target the inputs that decide it (table and tornado), and with several scenarios the
/// value of knowing an input before choosing. Self-contained: charts are embedded.
/// </summary>
public static class SensitivityHtml
{
    public static string Render(SensitivityResult result, string scenarioName, ulong seed, bool charts, DateTime created)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>IvpSim gevoeligheid: {E(scenarioName)}</title>\n<style>\n{ReportStyle.Css}</style>\n</head>\n<body>\n")
            .Append("<header>\n<h1>Wat beslist of de doelen gehaald worden?</h1>\n")
            .Append($"<p class=\"sub\">Scenario {E(scenarioName)} · {DutchFormat.Number(result.Trajectories)} trajecten, seed {seed} · gemaakt {created:yyyy-MM-dd HH:mm}</p>\n")
            .Append("</header>\n<main>\n");
        html.Append("<section id=\"methode\">\n<h2>Hoe te lezen</h2>\n<p class=\"intro\">")
            .Append(E("Invloed: het deel van de spreiding in de uitkomst (aantal in het beoordelingsjaar, of wel/niet halen) dat " +
                "verdwijnt als deze invoer bekend is (eerste-orde-index, geschat uit dezelfde trajecten, met standaardfout). " +
                "Kans laag/hoog: de kans het doel te halen als de invoer rond zijn eigen 10e en 90e percentiel ligt. " +
                "Invoer met zwakke of geen evidentie die veel uitmaakt, verdient eerst onderzoek. " +
                "Niveau, ontwikkeling en toeval komen uit de prognose zelf; ze hangen samen met de modelstructuur."))
            .Append("</p>\n</section>\n");
        foreach (var target in result.Rows.GroupBy(r => r.Target))
        {
            var rows = target.ToList();
            var claim = TornadoChart.IsClaim(rows[0]);
            html.Append($"<section id=\"doel-{E(target.Key.Replace('/', '-'))}\">\n<h2>{E(Title(rows[0]))}</h2>\n")
                .Append(claim ? "<p class=\"intro\">Welke kostenoverschrijding de claim bepaalt.</p>\n" : $"<p class=\"intro\">Kans nu {DutchFormat.Percent(rows[0].PMeet)}.</p>\n");
            if (charts)
            {
                var plot = TornadoChart.Create(rows, Title(rows[0]));
                html.Append($"<figure><img alt=\"tornado {E(Title(rows[0]))}\" src=\"{ChartImage.DataUri(plot, 1000, 520)}\"></figure>\n");
            }
            html.Append(claim
                ? "<table>\n<thead><tr><th>Invoer</th><th>Soort</th><th>Invloed op de claim</th><th>Claim laag</th><th>Claim hoog</th></tr></thead>\n<tbody>\n"
                : "<table>\n<thead><tr><th>Invoer</th><th>Soort</th><th>Evidentie</th><th>Invloed op halen</th><th>Invloed op aantal</th><th>Kans laag</th><th>Kans hoog</th></tr></thead>\n<tbody>\n");
            foreach (var r in claim ? TornadoChart.Top(rows) : rows.Take(12))
            {
                html.Append(claim
                    ? $"<tr><td>{E(r.LabelNl)}</td><td>{E(r.KindNl)}</td><td class=\"num\">{Index(r.Index, r.IndexSe)}</td><td class=\"num\">€ {DutchFormat.Number(r.ValueLow)}</td><td class=\"num\">€ {DutchFormat.Number(r.ValueHigh)}</td></tr>\n"
                    : $"<tr><td>{E(r.LabelNl)}</td><td>{E(r.KindNl)}</td><td>{E(r.Evidence)}</td><td class=\"num\">{Index(r.MeetIndex, r.MeetIndexSe)}</td>" +
                      $"<td class=\"num\">{Index(r.Index, r.IndexSe)}</td><td class=\"num\">{Chance(r.PMeetLow)}</td><td class=\"num\">{Chance(r.PMeetHigh)}</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n</section>\n");
        }
        if (result.Information.Count > 0) Information(html, result);
        html.Append("</main>\n<footer>IvpSim, scenarioplanner voor het IVP 2020-2024.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Information(StringBuilder html, SensitivityResult result)
    {
        html.Append("<section id=\"waarde-van-informatie\">\n<h2>Wat is het waard om het eerst te weten?</h2>\n<p class=\"intro\">")
            .Append(E($"Keuze tussen {string.Join(", ", result.Scenarios)}: hoeveel hoger de kans op het doel wordt als deze invoer bekend " +
                "is vóór de keuze (verwachte waarde van perfecte informatie, in procentpunten). Hoog: onderzoek hiernaar kan de keuze veranderen."))
            .Append("</p>\n<table>\n<thead><tr><th>Doel</th><th>Invoer</th><th>Evidentie</th><th>Beste keuze nu</th><th>Winst (pp)</th></tr></thead>\n<tbody>\n");
        foreach (var target in result.Information.GroupBy(r => r.Target))
        {
            if (target.First().Value < 0.0005)
            {
                var first = target.First();
                html.Append($"<tr><td>{E(first.Target)}</td><td colspan=\"2\">geen: de beste keuze blijft dezelfde, wat de invoer ook blijkt te zijn</td>")
                    .Append($"<td>{E(first.BestScenario)} ({DutchFormat.Percent(first.PBest)})</td><td class=\"num\">0</td></tr>\n");
                continue;
            }
            foreach (var r in target.Take(5))
            {
                html.Append($"<tr><td>{E(r.Target)}</td><td>{E(r.LabelNl)}</td><td>{E(r.Evidence)}</td>")
                    .Append($"<td>{E(r.BestScenario)} ({DutchFormat.Percent(r.PBest)})</td>")
                    .Append($"<td class=\"num\">{DutchFormat.Number(r.Value * 100, 1)} <small>± {DutchFormat.Number(r.ValueSe * 100, 1)}</small></td></tr>\n");
            }
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    public static string Title(SensitivityRow row) =>
        row.Target == AnalysisTarget.AllCountTargetsId ? "Alle misdaaddoelen samen"
        : TornadoChart.IsClaim(row) ? $"{Regions.Get(row.Region).NameNl}: claim (extra kosten) {row.Target[(row.Target.LastIndexOf('-') + 1)..]}"
        : $"{Regions.Get(row.Region).NameNl}: {Indicators.Get(row.Indicator).LabelNl.ToLowerInvariant()}";

    private static string Index(double value, double se) => double.IsFinite(value)
        ? $"{DutchFormat.Number(Math.Max(0, value), 3)} <small>± {DutchFormat.Number(double.IsFinite(se) ? se : 0, 3)}</small>"
        : "–";

    private static string Chance(double p) => double.IsFinite(p) ? DutchFormat.Percent(p) : "–";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
