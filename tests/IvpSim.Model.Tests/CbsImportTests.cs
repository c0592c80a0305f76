using IvpSim.Data;
using IvpSim.Data.Import;
using IvpSim.Model.Domain;

namespace IvpSim.Model.Tests;

public sealed class CbsImportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static double? Value(ImportResult r, string region, string indicator, int year) =>
        r.Observations.FirstOrDefault(o => o.Region == region && o.Indicator == indicator && o.Year == year)?.Value;

    [Fact]
    public void Should_map_codes_sum_violence_and_months_When_reading_the_api_shape()
    {
        var result = DataImport.Read(Fixture("cbs-api-47013NED.csv"), ImportFormat.Auto);

        Assert.Equal("cbs (open data/API)", result.Format);
        // 2019 equals the seed's Table 2.1.
        Assert.Equal(1010, Value(result, Regions.Ermelo, Indicators.TotalCrimes, 2019));
        Assert.Equal(96, Value(result, Regions.Harderwijk, Indicators.ResidentialBurglary, 2019));
        Assert.Equal(48, Value(result, Regions.Putten, Indicators.VehicleTheftFrom, 2019));
        Assert.Equal(182, Value(result, Regions.Harderwijk, Indicators.BicycleMopedTheft, 2019));
        Assert.Equal(128, Value(result, Regions.Ermelo, Indicators.Violence, 2019));
        // Other regions are kept under their code; a missing cell stays missing.
        Assert.Equal(700, Value(result, "gm0302", Indicators.TotalCrimes, 2019));
        Assert.Null(Value(result, "gm0302", Indicators.VehicleTheftFrom, 2020));
        // Twelve months make a year; three do not.
        Assert.Equal(Enumerable.Range(1, 12).Sum(m => 80 + m), Value(result, Regions.Ermelo, Indicators.TotalCrimes, 2023));
        Assert.Null(Value(result, Regions.Harderwijk, Indicators.TotalCrimes, 2023));
        Assert.Equal(1, result.IncompleteYears);
        Assert.True(result.UnusedCodeRows > 0);
    }

    [Fact]
    public void Should_read_labels_names_dots_and_provisional_years_When_reading_a_statline_download()
    {
        var result = DataImport.Read(Fixture("cbs-statline-83648NED.csv"), ImportFormat.Cbs);

        Assert.Equal("cbs (StatLine)", result.Format);
        Assert.Equal(909, Value(result, Regions.Ermelo, Indicators.TotalCrimes, 2021));
        Assert.NotNull(Value(result, "nunspeet", Indicators.Violence, 2022));
        Assert.Null(Value(result, "nunspeet", Indicators.BicycleMopedTheft, 2023));
        var provisional = result.Observations.Single(o => o.Region == Regions.Putten && o.Indicator == Indicators.TotalCrimes && o.Year == 2023);
        Assert.EndsWith("(voorlopig)", provisional.Source);
        Assert.DoesNotContain("voorlopig", result.Observations.Single(o => o.Region == Regions.Putten && o.Indicator == Indicators.TotalCrimes && o.Year == 2022).Source);
        Assert.True(result.ProvisionalValues > 0);
    }

    [Theory]
    [InlineData("\"A\",\"B\"\n\"1\",\"2\"\n", 1, null, "kolom 'SoortMisdrijf' ontbreekt")]
    [InlineData(ApiHeader + "\"0\",\"0.0.0 \",\"GM0233    \",\"2019JJ00\",\"veel\"\n", 2, "GeregistreerdeMisdrijven_1", "'veel' is geen aantal")]
    [InlineData(ApiHeader + "\"0\",\"0.0.0 \",\"GM0233    \",\"2019JJ00\",\"-4\"\n", 2, "GeregistreerdeMisdrijven_1", "negatief aantal")]
    [InlineData(ApiHeader + "\"0\",\"X.Y \",\"GM0233    \",\"2019JJ00\",\"4\"\n", 2, "SoortMisdrijf", "onbekende misdrijfsoort 'X.Y'")]
    [InlineData(ApiHeader + "\"0\",\"0.0.0 \",\"GM0233    \",\"2019XX00\",\"4\"\n", 2, "Perioden", "onbekende periode")]
    [InlineData(ApiHeader + "\"0\",\"0.0.0 \",\"GM0233    \",\"2019JJ00\",\"4\"\n\"1\",\"0.0.0 \",\"GM0233    \",\"2019JJ00\",\"5\"\n", 3, null, "dubbele rij")]
    [InlineData("\"Soort misdrijf\";\"Regio's\";\"Perioden\";\"Geregistreerde misdrijven (aantal)\"\n\"Brandstichting\";\"Ermelo\";\"2019\";\"3\"\n", 2, "Soort misdrijf", "onbekende misdrijfsoort 'Brandstichting'")]
    public void Should_name_the_line_When_a_cbs_file_is_bad(string content, int line, string? field, string problem)
    {
        var path = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(path, content);
        var ex = Assert.Throws<InputException>(() => DataImport.Read(path, ImportFormat.Cbs));
        Assert.Equal(line, ex.Line);
        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    private const string ApiHeader = "\"ID\",\"SoortMisdrijf\",\"RegioS\",\"Perioden\",\"GeregistreerdeMisdrijven_1\"\n";

    [Fact]
    public void Should_never_overwrite_silently_When_the_target_exists()
    {
        var target = Path.Combine(_dir, "politie.csv");
        File.WriteAllText(target, "mijn bestand");
        var ex = Assert.Throws<InputException>(() => DataImport.Run(Fixture("cbs-api-47013NED.csv"), ImportFormat.Auto, target, force: false));
        Assert.Contains("--force", ex.Message);
        Assert.Equal("mijn bestand", File.ReadAllText(target));

        DataImport.Run(Fixture("cbs-api-47013NED.csv"), ImportFormat.Auto, target, force: true);
        var reread = ObservationCsv.Read(target);
        Assert.Contains(reread, o => o.Region == Regions.Ermelo && o.Indicator == Indicators.TotalCrimes && o.Year == 2019 && o.Value == 1010);
        Assert.Equal(["politie.csv"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Should_leave_no_file_When_the_input_is_bad()
    {
        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, ApiHeader + "\"0\",\"0.0.0 \",\"GM0233    \",\"2019JJ00\",\"-1\"\n");
        Assert.Throws<InputException>(() => DataImport.Run(bad, ImportFormat.Auto, Path.Combine(_dir, "out.csv"), force: false));
        Assert.Equal(["bad.csv"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Should_round_trip_When_importing_ivpsim_csv()
    {
        var target = Path.Combine(_dir, "copy.csv");
        DataImport.Run(RepoRoot.Data("observations.csv"), ImportFormat.Auto, target, force: false);
        Assert.Equal(ObservationCsv.Read(RepoRoot.Data("observations.csv")).OrderBy(o => (o.Region, o.Indicator, o.Year)),
            ObservationCsv.Read(target).OrderBy(o => (o.Region, o.Indicator, o.Year)));
    }
}
