using System.Globalization;
using System.Text;
using IvpSim.Model.Budget;
using IvpSim.Model.Comparison;
using IvpSim.Model.Domain;
using IvpSim.Model.Forecasting;
using IvpSim.Model.Interventions;
using IvpSim.Model.Results;
using IvpSim.Reporting.Charts;
using IvpSim.Reporting.Results;
using static System.Net.WebUtility;

namespace IvpSim.Reporting.Html;

/// <summary>
/// report.html: one self-contained page (styles inline, charts as PNG data, no script, no network) in Dutch, for one
/// scenario or several compared on the same trajectories. Tables carry their figures also as data attributes in the
/// CSV's invariant format, so a test can hold the page to the CSV files.
/// </summary>
public static class HtmlReport
{
    public static string Render(ComparisonReport report, DateTime created)
    {
        var first = report.First.Scenario;
        var html = new StringBuilder();
        var names = string.Join(", ", report.Scenarios.Select(s => s.Scenario.NameNl));
        html.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>IvpSim: {E(names)}</title>\n<style>\n{ReportStyle.Css}</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>Integraal Veiligheidsplan 2020-2024: kansen op de doelen</h1>\n")
            .Append($"<p class=\"sub\">Ermelo, Harderwijk en Putten (basisteam Veluwe-West) · {E(report.Scenarios.Length == 1 ? "scenario" : "scenario's")}: {E(names)} · ")
            .Append($"{DutchFormat.Number(first.Run.Runs)} trajecten per scenario, seed {first.Run.Seed} · gemaakt {DutchDate(created)} met IvpSim {E(RunFacts.ToolVersion)}</p>\n")
            .Append("</header>\n<main>\n");
        Chances(html, report);
        Claim(html, report);
        Fans(html, report);
        Curves(html, report);
        CostAgainstChance(html, report);
        Avoided(html, report);
        Contributions(html, report);
        Assumptions(html, report);
        Settings(html, report);
        html.Append("</main>\n<footer>IvpSim, scenarioplanner voor het IVP 2020-2024. Kansen zijn modeluitkomsten met hun onzekerheid, geen voorspellingen met zekerheid.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    /// <summary>"28 november 2026 23:01" (the build has no culture data, so the month names are here).</summary>
    private static string DutchDate(DateTime t) => $"{t.Day} {Months[t.Month - 1]} {t.Year} {t:HH:mm}";

    private static string E(string text) => HtmlEncode(text);

    private static string Csv(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static void Section(StringBuilder html, string id, string title, string intro)
    {
        html.Append($"<section id=\"{id}\">\n<h2>{E(title)}</h2>\n");
        if (intro.Length > 0) html.Append($"<p class=\"intro\">{E(intro)}</p>\n");
    }

    /// <summary>The summary: per target and scenario the chance, its colour, its range over model structures and its error.</summary>
    private static void Chances(StringBuilder html, ComparisonReport report)
    {
        Section(html, "kansen", "Kans dat de doelen gehaald worden",
            "Per doel de kans dat het gehaald wordt. Tussen haakjes de spreiding naar modelkeuze (5-95% over de gewichten van de " +
            "modelstructuren die de gegevens toelaten: wat ze niet kunnen beslechten), naar constanten (laagste en hoogste kans over de " +
            "constanten van de kalibratiezoektochten, waarvan elk traject er één gebruikt) en de simulatiefout. Bij meer scenario's: het verschil met het eerste scenario op dezelfde " +
            "trajecten (procentpunten, ± standaardfout) en het deel van de trajecten waarin het scenario beter uitkomt.");
        html.Append("<table data-table=\"kansen\">\n<thead><tr><th>Gemeente</th><th>Indicator</th><th>Doel</th><th>Jaar</th>");
        foreach (var s in report.Scenarios) html.Append($"<th>{E(s.Scenario.NameNl)}</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var target in report.First.Targets)
        {
            var t = target.Target;
            var info = Indicators.Get(t.Indicator);
            var decimals = info.Kind == IndicatorKind.Score ? 1 : 0;
            html.Append($"<tr><td>{E(Regions.Get(t.Region).NameNl)}</td><td>{E(info.ShortLabelNl)}</td>")
                .Append($"<td class=\"num\">{(t.Operator == Model.Targets.TargetOperator.AtMost ? "≤" : "≥")} {DutchFormat.Number(t.Value, decimals)}</td>")
                .Append($"<td class=\"num\">{t.DecisiveYear}{(info.Kind == IndicatorKind.Score ? " (VM)" : "")}</td>");
            foreach (var s in report.Scenarios)
            {
                var row = report.Row(s.Id, t);
                html.Append(row is null ? "<td>–</td>" : ChanceCell(row, s == report.First));
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        if (report.First.Aggregate.Trajectories > 0)
        {
            html.Append("<p data-joint=\"alle-misdaaddoelen\">Kans dat alle misdaaddoelen in hetzelfde traject gehaald worden: ")
                .Append(string.Join(" · ", report.Scenarios.Select(s =>
                    $"{E(s.Scenario.NameNl)} <strong>{DutchFormat.Number(100.0 * s.Aggregate.CountTargetsAllMet / Math.Max(1, s.Aggregate.Trajectories), 1)}%</strong>")))
                .Append("</p>\n");
        }
        html.Append("<p class=\"legend\"><span class=\"likely\">waarschijnlijk (≥ 67%)</span> " +
                    "<span class=\"uncertain\">onzeker (33-67%)</span> <span class=\"unlikely\">onwaarschijnlijk (&lt; 33%)</span> · " +
                    "VM = Veiligheidsmonitor: het doel voor 2024 wordt beoordeeld met de meting van najaar 2023.</p>\n");
        // Honest about what no mix can move: without evidence of an effect on the score, its chance is the same in every scenario.
        var scoreMeasures = report.First.Catalogue.Interventions.Count(i => i.Effects.Any(e => e.Indicator == Indicators.SafetyScore));
        if (scoreMeasures == 0)
        {
            html.Append("<p class=\"note\" data-note=\"rapportcijfer\">Geen maatregel in de catalogus heeft een bekend effect op het " +
                        "rapportcijfer veiligheid in de buurt. Onderzoek vindt voor zichtbaar toezicht (voetpatrouille, boa's) en inbraakwering van " +
                        "woningen een gunstige richting op gevoelens van onveiligheid, voor straatverlichting en camera's nauwelijks (Lorenc e.a. 2013, " +
                        "Systematic Reviews 2:30; Newark Foot Patrol Experiment 1981; Winkel 1986), maar geen studie geeft een effect in punten op een " +
                        "rapportcijfer van een gemeente. De kans op die doelen is daarom in elk scenario gelijk; alleen de autonome ontwikkeling en de " +
                        "meetonzekerheid bepalen hem.</p>\n");
        }
        html.Append("</section>\n");
    }

    private static string ChanceCell(ComparisonRow row, bool isFirst)
    {
        var o = row.Outcome;
        var colour = o.PMeet >= 2.0 / 3 ? "likely" : o.PMeet >= 1.0 / 3 ? "uncertain" : "unlikely";
        var cell = new StringBuilder($"<td class=\"chance {colour}\" data-scenario=\"{E(row.Scenario)}\" data-region=\"{E(o.Target.Region)}\" " +
            $"data-indicator=\"{E(o.Target.Indicator)}\" data-p-meet=\"{Csv(o.PMeet, 4)}\" data-p-meet-se=\"{Csv(o.PMeetSe, 4)}\"");
        if (!isFirst && row.DeltaVsFirst is { } d && row.PBetterThanFirst is { } b)
            cell.Append($" data-delta=\"{Csv(d, 4)}\" data-p-better=\"{Csv(b, 4)}\"");
        cell.Append($"><strong>{DutchFormat.Percent(o.PMeet)}</strong><br><small>");
        cell.Append(E(ChanceText.Ranges(o))).Append($"±{DutchFormat.Number(o.PMeetSe * 100, 1)}");
        if (!isFirst && row.DeltaVsFirst is { } delta && row.DeltaSe is { } se && row.PBetterThanFirst is { } better)
            cell.Append($"<br>{(delta >= 0 ? "+" : "−")}{DutchFormat.Number(Math.Abs(delta) * 100, 1)} pp (±{DutchFormat.Number(se * 100, 1)}); beter in {DutchFormat.Percent(better)}");
        return cell.Append("</small></td>").ToString();
    }

    private static void Claim(StringBuilder html, ComparisonReport report)
    {
        var year = report.First.Scenario.Budget.ClaimYear;
        Section(html, "claim", $"Extra geld in {year}",
            "Wat de interventies in dat jaar extra kosten, per gemeente: de mediaan (P50) en de bedragen die in 80% en 95% van de " +
            "trajecten niet overschreden worden (P80, P95). Alleen nieuw beleid en extra inzet op bestaand beleid tellen mee.");
        html.Append("<table data-table=\"claim\">\n<thead><tr><th>Scenario</th>");
        foreach (var region in Regions.All) html.Append($"<th>{E(region.NameNl)}</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var s in report.Scenarios)
        {
            html.Append($"<tr><td>{E(s.Scenario.NameNl)}</td>");
            foreach (var region in Regions.All)
            {
                var c = s.Claim.FirstOrDefault(x => x.Region == region.Id);
                html.Append(c is null ? "<td class=\"num\">–</td>"
                    : $"<td class=\"num\" data-scenario=\"{E(s.Id)}\" data-region=\"{E(region.Id)}\" data-p50=\"{Csv(c.P50, 0)}\" " +
                      $"data-p80=\"{Csv(c.P80, 0)}\" data-p95=\"{Csv(c.P95, 0)}\"><strong>€ {DutchFormat.Number(c.P50)}</strong><br>" +
                      $"<small>P80 € {DutchFormat.Number(c.P80)}<br>P95 € {DutchFormat.Number(c.P95)}</small></td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>Per target indicator and region one chart with every scenario's fan and the target line.</summary>
    private static void Fans(StringBuilder html, ComparisonReport report)
    {
        Section(html, "projecties", "Projecties tegen de doelen",
            "Waargenomen tot 2019, daarna de mediaan en het 90%-interval van elk scenario; de rode stippellijn is het doel.");
        foreach (var target in report.First.Targets)
        {
            var t = target.Target;
            var fans = report.Scenarios
                .Select(s => (s.Scenario.NameNl, Fan: FanChartData.From([.. s.Projections.Where(p => p.Region == t.Region && p.Indicator == t.Indicator)],
                    s.TargetDefinitions, s.Scenario.NameNl).FirstOrDefault()))
                .Where(x => x.Fan is not null).Select(x => (x.NameNl, x.Fan!)).ToArray();
            if (fans.Length == 0) continue;
            var title = $"{Regions.Get(t.Region).NameNl}: {Indicators.Get(t.Indicator).LabelNl}";
            Figure(html, $"waaier-{t.Region}-{t.Indicator}", ChartImage.DataUri(ScenarioFanChart.Create(fans, title), 900, 480), title);
        }
        html.Append("</section>\n");
    }

    /// <summary>Per crime target one chart: the chance as a curve over target values, every scenario, the plan's target marked.</summary>
    private static void Curves(StringBuilder html, ComparisonReport report)
    {
        Section(html, "kanscurves", "Kans naar doelwaarde",
            "Hoe groot de kans zou zijn als het doel op een ander niveau lag, van 30% onder tot 10% boven het niveau van 2019. " +
            "Waar de lijn steil loopt, beslist een klein verschil in de uitkomst; de rode stippellijn is het doel van het plan.");
        foreach (var group in report.First.Curves.GroupBy(p => (p.Region, p.Indicator)))
        {
            var curves = report.Scenarios
                .Select(s => (s.Scenario.NameNl, (IReadOnlyList<TargetCurvePoint>)[.. s.Curves.Where(p => p.Region == group.Key.Region && p.Indicator == group.Key.Indicator)]))
                .Where(c => c.Item2.Count > 0).ToArray();
            var title = TargetCurveChart.Title(group.Key.Region, group.Key.Indicator);
            Figure(html, $"kanscurve-{group.Key.Region}-{group.Key.Indicator}", ChartImage.DataUri(TargetCurveChart.Create(curves, title), 900, 480), title);
        }
        html.Append("</section>\n");
    }

    private static void CostAgainstChance(StringBuilder html, ComparisonReport report)
    {
        Section(html, "kosten-kans", "Kosten tegenover kans",
            "Per scenario en gemeente de verwachte extra kosten 2020-2024 tegenover de kans op het misdrijvendoel 2024.");
        Figure(html, "kosten-kans", ChartImage.DataUri(CostVersusProbabilityChart.Create(ScenarioPoint.CrimeTargets(report),
            CostVersusProbabilityChart.Title), 1000, 600), "Kosten tegenover kans");
        html.Append("</section>\n");
    }

    private static void Avoided(StringBuilder html, ComparisonReport report)
    {
        Section(html, "vermeden", "Vermeden misdrijven en kosten per vermeden misdrijf",
            "Misdrijven (excl. cybercrime, Veluwe-West, 2020-2024) die een interventie vermijdt tegenover dezelfde trajecten zonder " +
            "haar, met het 90%-interval, en wat elk vermeden misdrijf kost.");
        PerScenario(html, report, s => !s.ValueForMoney.IsEmpty, s =>
        {
            html.Append($"<table data-table=\"vermeden\" data-scenario=\"{E(s.Id)}\">\n")
                .Append("<thead><tr><th>Interventie</th><th>Vermeden (gemiddeld)</th><th>90%-interval</th><th>Kosten (gemiddeld)</th><th>Per vermeden misdrijf</th></tr></thead>\n<tbody>\n");
            foreach (var v in s.ValueForMoney)
            {
                html.Append($"<tr data-intervention=\"{E(v.Intervention)}\" data-avoided-mean=\"{Csv(v.AvoidedMean, 2)}\"><td>{E(InterventionName(s, v.Intervention))}</td>")
                    .Append($"<td class=\"num\">{DutchFormat.Number(v.AvoidedMean, 0)}</td><td class=\"num\">{DutchFormat.Number(v.AvoidedP05)} – {DutchFormat.Number(v.AvoidedP95)}</td>")
                    .Append($"<td class=\"num\">€ {DutchFormat.Number(v.CostMean)}</td>")
                    .Append($"<td class=\"num\">{(v.CostPerAvoided is { } c ? $"€ {DutchFormat.Number(c)}" : "–")}</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        });
    }

    private static void Contributions(StringBuilder html, ComparisonReport report)
    {
        Section(html, "bijdragen", "Wat elke interventie bijdraagt",
            "Per interventie de verwachte verandering van het aantal misdrijven (excl. cybercrime) in 2024 per gemeente, en hoeveel " +
            "procentpunt zij toevoegt aan de kans op het misdrijvendoel (tegenover dezelfde trajecten zonder haar).");
        PerScenario(html, report, s => !s.Contributions.IsEmpty, s =>
        {
            var year = s.Plan.EndYear;
            html.Append($"<table data-table=\"bijdragen\" data-scenario=\"{E(s.Id)}\">\n<thead><tr><th>Interventie</th>");
            foreach (var m in Regions.Municipalities) html.Append($"<th>{E(Regions.Get(m).NameNl)}: misdrijven {year}</th><th>kans (pp)</th>");
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var id in s.Contributions.Select(c => c.Intervention).Distinct())
            {
                html.Append($"<tr><td>{E(InterventionName(s, id))}</td>");
                foreach (var m in Regions.Municipalities)
                {
                    var change = s.Contributions.FirstOrDefault(c => c.Intervention == id && c.Region == m && c.Indicator == Indicators.TotalCrimesExclCyber && c.Year == year);
                    var gain = s.TargetGains.FirstOrDefault(g => g.Intervention == id && g.Region == m && g.Indicator == Indicators.TotalCrimesExclCyber);
                    html.Append($"<td class=\"num\">{(change is null ? "–" : DutchFormat.Number(change.ExpectedChange, 1))}</td>")
                        .Append($"<td class=\"num\">{(gain is null ? "–" : DutchFormat.Number(gain.PMeetGain * 100, 1))}</td>");
                }
                html.Append("</tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        });
    }

    /// <summary>A table per scenario that has something to show, under its name; a line when none has.</summary>
    private static void PerScenario(StringBuilder html, ComparisonReport report, Func<ScenarioReport, bool> has, Action<ScenarioReport> table)
    {
        foreach (var s in report.Scenarios.Where(has))
        {
            html.Append($"<h3>{E(s.Scenario.NameNl)}</h3>\n");
            table(s);
        }
        if (!report.Scenarios.Any(has)) html.Append("<p>Geen interventies in deze scenario's.</p>\n");
        html.Append("</section>\n");
    }

    /// <summary>An intervention's short name; <c>*</c> (costs and contributions of all together) in words.</summary>
    private static string InterventionName(ScenarioReport s, string id) => id == CostLayout.TotalId ? "Alle interventies samen" : s.ShortName(id);

    private static void Assumptions(StringBuilder html, ComparisonReport report)
    {
        Section(html, "aannames", "Aannames",
            "De interventies van elk scenario met hun aannames: effect (relatieve verandering bij volle sterkte, als verdeling), " +
            "kosten per jaar, sterkte van het bewijs en de bron. Daarna de modelstructuren en hun gewicht uit de toets buiten de steekproef.");
        foreach (var s in report.Scenarios)
        {
            html.Append($"<h3>{E(s.Scenario.NameNl)}</h3>\n");
            if (s.Scenario.Interventions.IsEmpty)
            {
                html.Append("<p>Geen nieuw beleid: de autonome trend.</p>\n");
                continue;
            }
            html.Append($"<table data-table=\"aannames\" data-scenario=\"{E(s.Id)}\">\n<thead><tr><th>Interventie</th><th>Gemeente</th><th>Vanaf</th><th>Intensiteit</th>")
                .Append("<th>Effect</th><th>Kosten per jaar</th><th>Bewijs</th><th>Bron</th></tr></thead>\n<tbody>\n");
            foreach (var use in s.Scenario.Interventions)
            {
                var i = s.Catalogue.Find(use.InterventionId);
                if (i is null) continue;
                var effects = string.Join("; ", i.Effects.Select(e => $"{Indicators.Get(e.Indicator).ShortLabelNl}: {Describe(use.EffectOverrides.GetValueOrDefault(e.Indicator) ?? e.Effect, true)}"));
                var cost = use.CostOverride ?? i.Cost;
                html.Append($"<tr><td>{E(i.NameNl)}</td><td>{E(Regions.Get(use.Municipality).NameNl)}</td><td class=\"num\">{use.StartYear}</td>")
                    .Append($"<td class=\"num\">{DutchFormat.Number(use.Intensity, 2)}</td><td>{E(effects.Length > 0 ? effects : "geen (alleen kosten)")}</td>")
                    .Append($"<td>{E(Describe(cost.Yearly, false))}</td><td>{E(Strength(i.Evidence.Strength))}</td><td class=\"source\">{E(i.Evidence.Source)}</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        var forecast = report.First.Scenario.Model.Forecast;
        var weights = forecast.AnchorWeights;
        html.Append("<h3>Modelstructuren</h3>\n<p>Elke gemeentelijke reeks volgt de landelijke reeks van haar soort maal een lokale factor. ")
            .Append("De landelijke ontwikkeling volgt in elk traject één structuur, met dit gewicht (geleerd buiten de steekproef op het landelijk corpus). ")
            .Append($"De lokale factor, gedeeld door alle reeksen van de gemeente, drift met sd {DutchFormat.Number(forecast.LocalDriftSd, 3)} per jaar ")
            .Append($"en heeft een gedeelde jaarlijkse ruis van {DutchFormat.Number(forecast.LocalNoise, 4)}: hoe ver een gemeente afdrijft is geleerd uit 2015-2022 van gemeenten buiten het plan, de verdeling over drift en ruis uit de jaarlijkse veranderingen van het plan zelf; ")
            .Append(E(TypeNoise(forecast)))
            .Append($"daarbij komt {DutchFormat.Number(forecast.LocalDispersion, 2)} × Poisson.")
            .Append(forecast.LocalVolatilityShape > 0
                ? $" Gemeenten bewegen ongelijk, zoals echte gemeenten: in elk traject is de beweeglijkheid van een gemeente Gamma-verdeeld (vorm {DutchFormat.Number(forecast.LocalVolatilityShape, 2)}, gemiddeld 1)."
                : "")
            .Append("</p>\n")
            .Append("<table data-table=\"structuren\">\n<thead><tr><th>Structuur van de landelijke ontwikkeling</th><th>Gewicht</th></tr></thead>\n<tbody>\n");
        for (var k = 0; k < Structures.All.Length; k++)
        {
            if (Structures.All[k].Kind == StructureKind.Anchored) continue;
            html.Append($"<tr><td>{E(Structures.All[k].NameNl)}</td><td class=\"num\">{DutchFormat.Number(weights[k] * 100, 1)}%</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    /// <summary>The crime types' own local noise, in one clause (empty when the calibration has none).</summary>
    private static string TypeNoise(ForecastSettings forecast) => forecast.LocalTypeNoise.IsEmpty ? ""
        : "elke soort schommelt daarbovenop op zichzelf (" + string.Join(", ", forecast.LocalTypeNoise.Where(t => t.Value > 0)
            .Select(t => $"{Indicators.ShortLabelNl(t.Key).ToLowerInvariant()} {DutchFormat.Number(t.Value, 3)}")) + "); ";

    private static void Settings(StringBuilder html, ComparisonReport report)
    {
        Section(html, "instellingen", "Run-instellingen", "Waarmee deze uitkomsten gemaakt zijn; zelfde scenario, seed en aantal trajecten geven dezelfde getallen.");
        html.Append("<table data-table=\"instellingen\">\n<thead><tr><th>Scenario</th><th>Instelling</th><th>Waarde</th></tr></thead>\n<tbody>\n");
        foreach (var s in report.Scenarios)
        {
            var rows = new List<(string, string)>
            {
                ("Seed", s.Scenario.Run.Seed.ToString(CultureInfo.InvariantCulture)),
                ("Trajecten", DutchFormat.Number(s.Scenario.Run.Runs)),
                ("Projectiejaren", $"{s.Plan.StartYear}-{s.Plan.EndYear}"),
                ("IvpSim-versie", RunFacts.ToolVersion),
                ("Cluster", s.Facts.Cluster),
            };
            rows.AddRange(s.Facts.Silos.Select(x => ($"Trajecten op silo {x.Silo}", DutchFormat.Number(x.Trajectories))));
            rows.AddRange(s.Files.Select(f => ($"Bestand: {f.Role}", $"{f.Path} (sha256 {f.Sha256})")));
            foreach (var (key, value) in rows)
                html.Append($"<tr><td>{E(s.Id)}</td><td>{E(key)}</td><td class=\"source\">{E(value)}</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Figure(StringBuilder html, string id, string dataUri, string caption) =>
        html.Append($"<figure data-chart=\"{E(id)}\"><img src=\"{dataUri}\" alt=\"{E(caption)}\"><figcaption>{E(caption)}</figcaption></figure>\n");

    private static string Describe(Distribution d, bool percent)
    {
        string V(double x) => percent ? $"{DutchFormat.Number(x * 100, 0)}%" : $"€ {DutchFormat.Number(x)}";
        return d.Kind switch
        {
            DistributionKind.Fixed => V(d.Mode),
            DistributionKind.Normal => $"normaal {V(d.Mode)} ± {V(d.Sd)}",
            _ => $"{V(d.Low)} … {V(d.Mode)} … {V(d.High)}",
        };
    }

    private static string Strength(string strength) => strength switch
    {
        "strong" => "sterk",
        "moderate" => "redelijk",
        "weak" => "zwak",
        _ => "geen",
    };
}
