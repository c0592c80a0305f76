using IvpSim.Data;

namespace IvpSim.Model.Tests;

/// <summary>Every validation error of the catalogue and of a scenario's interventions: one line with file, line and field.</summary>
public sealed class InterventionValidationTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-validate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Catalogue = """
        themes:
          - {id: t, name: Thema, kind: joint, municipalities: all, indicators: [residential_burglary]}
        interventions:
          - id: a
            name: Maatregel A
            themes: [t]
            municipalities: [ermelo, putten]
            status: new
            effects:
              - indicator: residential_burglary
                coverage: 0.5
                effect: {distribution: pert, low: -0.4, mode: -0.1, high: 0.0}
            cost:
              yearly: {distribution: pert, low: 1000, mode: 2000, high: 4000}
            evidence: {strength: weak, source: test}
        """;

    private string Scenario(string interventions, string? catalogue = null)
    {
        File.WriteAllText(Path.Combine(_dir, "interventions.yaml"), catalogue ?? Catalogue);
        var path = Path.Combine(_dir, "s.yaml");
        File.WriteAllText(path, $"id: s\ndata:\n  observations: {RepoRoot.Data("observations.csv")}\n  targets: {RepoRoot.Data("targets.csv")}\n  population: {RepoRoot.Data("population.csv")}\ninterventions:\n{interventions}");
        return path;
    }

    private static InputException Single(Action read)
    {
        var ex = Assert.ThrowsAny<Exception>(read);
        return ex switch
        {
            InputException one => one,
            InputProblemsException many => Assert.Single(many.Problems),
            _ => throw new Xunit.Sdk.XunitException($"unexpected {ex.GetType().Name}: {ex.Message}"),
        };
    }

    [Theory]
    [InlineData("  - {id: b, municipalities: all}\n", 7, "interventions[1].id", "onbekende interventie 'b'")]
    [InlineData("  - {id: a, municipalities: [harderwijk]}\n", 7, "interventions[1].municipalities", "niet voorzien voor Harderwijk")]
    [InlineData("  - {id: a, municipalities: [nunspeet]}\n", 7, "interventions[1].municipalities", "onbekende gemeente 'nunspeet'")]
    [InlineData("  - {id: a, municipalities: [ermelo], start_year: 2019}\n", 7, "interventions[1].start_year", "ligt niet tussen 2020 en 2024")]
    [InlineData("  - {id: a, municipalities: [ermelo], start_year: 2025}\n", 7, "interventions[1].start_year", "ligt niet tussen 2020 en 2024")]
    [InlineData("  - {id: a, municipalities: [ermelo], intensity: -1}\n", 7, "interventions[1].intensity", "ligt niet tussen")]
    [InlineData("  - {id: a, municipalities: [ermelo], effects: {residential_burglary: {low: -0.1, mode: -0.2, high: 0.1}}}\n", 7, "interventions[1].effects.residential_burglary.mode", "ligt niet tussen")]
    [InlineData("  - {id: a, municipalities: [ermelo], effects: {residential_burglary: {low: 0.3, mode: 0.3, high: 0.1}}}\n", 7, "interventions[1].effects.residential_burglary.low", "groter dan high")]
    [InlineData("  - {id: a, municipalities: [ermelo], effects: {residential_burglary: {low: -1.0, mode: -0.2, high: 0.1}}}\n", 7, "interventions[1].effects.residential_burglary.low", "moet groter zijn dan -1")]
    [InlineData("  - {id: a, municipalities: [ermelo], effects: {violence: {low: -0.3, mode: -0.2, high: 0.1}}}\n", 7, "interventions[1].effects.violence", "geen effect op 'violence'")]
    [InlineData("  - {id: a, municipalities: [ermelo]}\n  - {id: a, municipalities: [ermelo]}\n", 8, "interventions[2].municipalities", "staat al in dit scenario")]
    [InlineData("  - {id: a, municipalities: [ermelo], cost: {yearly: {low: 5, mode: 1, high: 9}}}\n", 7, "interventions[1].cost.yearly.mode", "ligt niet tussen")]
    [InlineData("  - {id: a, municipalities: [ermelo], startyear: 2021}\n", 7, "interventions[1].startyear", "onbekend veld")]
    public void Should_name_line_and_field_When_a_scenario_intervention_is_bad(string items, int line, string field, string problem)
    {
        var path = Scenario(items);
        var ex = Single(() => ScenarioInputs.Load(path));
        Assert.Equal(field, ex.Field);
        Assert.Equal(line, ex.Line);
        Assert.Contains(problem, ex.Message);
        Assert.StartsWith(path, ex.Message);
    }

    [Fact]
    public void Should_report_every_problem_When_several_items_are_bad()
    {
        var path = Scenario("  - {id: x}\n  - {id: a, municipalities: [ermelo], start_year: 2030}\n");
        var ex = Assert.Throws<InputProblemsException>(() => ScenarioInputs.Load(path));
        Assert.Equal(2, ex.Problems.Count);
        Assert.Equal([7, 8], ex.Problems.Select(p => p.Line!.Value));
    }

    [Theory]
    [InlineData("mode: -0.1, high: 0.0", "mode: -0.5, high: 0.0", "mode", "ligt niet tussen")]
    [InlineData("low: -0.4, mode: -0.1", "low: -1.5, mode: -0.1", "low", "moet groter zijn dan -1")]
    [InlineData("themes: [t]", "themes: [onbekend]", "themes", "onbekend thema 'onbekend'")]
    [InlineData("indicator: residential_burglary", "indicator: total_crimes", "indicator", "niet toegestane indicator 'total_crimes'")]
    [InlineData("status: new", "status: misschien", "status", "moet existing")]
    [InlineData("strength: weak", "strength: sterk", "strength", "moet strong, moderate, weak of none zijn")]
    [InlineData("distribution: pert, low: 1000", "distribution: pert, x: 1, low: 1000", "x", "onbekend veld")]
    public void Should_name_the_field_When_the_catalogue_is_bad(string good, string bad, string field, string problem)
    {
        Assert.Contains(good, Catalogue);
        var path = Path.Combine(_dir, "interventions.yaml");
        File.WriteAllText(path, Catalogue.Replace(good, bad));
        var ex = Single(() => CatalogueReader.Read(path));
        Assert.EndsWith(field, ex.Field);
        Assert.Contains(problem, ex.Message);
        Assert.NotNull(ex.Line);
    }

    [Fact]
    public void Should_reject_duplicate_keys_and_yaml_errors_When_reading_the_catalogue()
    {
        var path = Path.Combine(_dir, "interventions.yaml");
        File.WriteAllText(path, Catalogue.Replace("    name: Maatregel A\n", "    name: Maatregel A\n    name: Nog eens\n"));
        Assert.Contains("dubbele sleutel", Single(() => CatalogueReader.Read(path)).Message);
        File.WriteAllText(path, Catalogue + "\n  - [niet afgesloten\n");
        Assert.Contains("YAML-fout", Single(() => CatalogueReader.Read(path)).Message);
        File.WriteAllText(path, Catalogue + "\n" + Catalogue[Catalogue.IndexOf("  - id: a", StringComparison.Ordinal)..]);
        Assert.Contains("twee keer in de catalogus", Single(() => CatalogueReader.Read(path)).Message);
    }

    [Fact]
    public void Should_accept_the_shipped_catalogue_and_scenarios()
    {
        var catalogue = CatalogueReader.Read(RepoRoot.Scenario("interventions.yaml"));
        Assert.True(catalogue.Interventions.Length >= 30);
        Assert.Equal(5, catalogue.Themes.Count(t => t.Kind == Model.Interventions.ThemeKind.Joint));
        foreach (var name in new[] { "baseline", "ivp-plan", "inbraak-offensief", "parken-ondermijning", "jeugd-kwetsbaren" })
            Assert.Equal(name, ScenarioInputs.Load(RepoRoot.Scenario($"{name}.yaml")).Scenario.Id);
    }
}
