using IvpSim.Data;

namespace IvpSim.Model.Tests;

/// <summary>Every input problem is one line naming the file, the line and the field.</summary>
public sealed class InputErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ivpsim-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertOneLineError(string path, Action read, int line, string? field, string problem)
    {
        var ex = Assert.Throws<InputException>(read);
        Assert.Equal(line, ex.Line);
        Assert.Equal(field, ex.Field);
        Assert.Contains(problem, ex.Message);
        Assert.StartsWith($"{path}:{line}", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    private const string Header = "municipality,indicator,year,value,source\n";

    [Theory]
    [InlineData("Nunspeet!,violence,2019,5,x\n", 2, "municipality", "ongeldige regio 'Nunspeet!'")]
    [InlineData("ermelo,robbery,2019,5,x\n", 2, "indicator", "onbekende indicator 'robbery'")]
    [InlineData("ermelo,violence,2019,-5,x\n", 2, "value", "negatieve waarde")]
    [InlineData("ermelo,violence,2019,1.010,x\n", 2, "value", "geen geheel getal")]
    [InlineData("ermelo,violence,twee,5,x\n", 2, "year", "geen jaartal")]
    [InlineData("ermelo,violence,2019,5,x\nermelo,violence,2019,6,y\n", 3, null, "dubbele rij")]
    [InlineData("ermelo,violence,2019,5\n", 2, null, "verwacht 5 kolommen")]
    public void Should_name_file_line_and_field_When_an_observation_row_is_bad(string rows, int line, string? field, string problem)
    {
        var path = Write("obs.csv", Header + rows);
        AssertOneLineError(path, () => ObservationCsv.Read(path), line, field, problem);
    }

    [Fact]
    public void Should_reject_the_file_When_the_header_is_wrong()
    {
        var path = Write("obs.csv", "gemeente;jaar\n");
        var ex = Assert.Throws<InputException>(() => ObservationCsv.Read(path));
        Assert.Equal(1, ex.Line);
    }

    [Theory]
    [InlineData("id: x\nrun:\n  runs: tien\n", 3, "run.runs", "geen geheel getal")]
    [InlineData("id: x\nrun:\n  runs: 0\n", 3, "run.runs", "ligt niet tussen")]
    [InlineData("id: x\nmodel:\n  trend_dampin: 0.5\n", 3, "model.trend_dampin", "onbekend veld")]
    [InlineData("id: x\nmodel:\n  score_step_sd: 1.5\n", 3, "model.score_step_sd", "ligt niet tussen")]
    [InlineData("id: x\nmodel:\n  trend_damping: 0.8\n", 3, "model.trend_damping", "vervallen: trend en spreiding komen nu uit de kalibratie")]
    [InlineData("id: x\nmodel:\n  structure: kromme-lijn\n", 3, "model.structure", "onbekende structuur 'kromme-lijn'")]
    [InlineData("id: x\nmodel:\n  weights: {local-level: 0.5, damped-0.8: 0.4}\n", 3, "model.weights.local-level", "samen 1")]
    [InlineData("id: x\nid: y\n", 2, "id", "dubbele sleutel")]
    [InlineData("id: Hoofd Scenario\n", 1, "id", "kleine letters")]
    [InlineData("name: zonder id\n", 1, "id", "ontbreekt")]
    public void Should_name_line_and_field_When_a_scenario_field_is_bad(string yaml, int line, string field, string problem)
    {
        var path = Write("s.yaml", yaml);
        AssertOneLineError(path, () => ScenarioReader.Read(path), line, field, problem);
    }

    [Fact]
    public void Should_report_the_line_When_the_yaml_does_not_parse()
    {
        var path = Write("s.yaml", "id: x\nrun: [1, 2\n");
        var ex = Assert.Throws<InputException>(() => ScenarioReader.Read(path));
        Assert.Contains("YAML-fout", ex.Message);
        Assert.NotNull(ex.Line);
    }
}
