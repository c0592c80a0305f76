using IvpSim.Contracts;
using IvpSim.Model;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;

namespace IvpSim.Grains;

/// <summary>A municipality: holds its data and fits its own series once the pooled hyperparameters are known.</summary>
public sealed class MunicipalityGrain : Grain, IMunicipalityGrain
{
    private ObservationSet? _data;
    private CalibrationSeriesSet? _series;

    private string Municipality => GrainKeys.MunicipalityOf(this.GetPrimaryKeyString());

    public Task<CalibrationSeriesSet> Load(MunicipalityData data)
    {
        _data = data.Observations;
        _series = new CalibrationSeriesSet(CalibrationInputs.CountSeries(_data, Municipality));
        return Task.FromResult(_series);
    }

    public Task<MunicipalityModelMessage> Calibrate(CalibrationRequest request)
    {
        if (_data is null || _series is null)
            throw new ModelInputException($"gemeente {Municipality}: eerst gegevens laden, dan kalibreren");
        var model = BaselineCalibrator.FitMunicipality(Municipality, _series.Series, _data, request.Hyper, request.National,
            request.Anchors, request.Settings);
        return Task.FromResult(new MunicipalityModelMessage(model));
    }
}
