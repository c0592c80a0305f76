using IvpSim.Contracts;
using IvpSim.Model;
using IvpSim.Model.Calibration;
using IvpSim.Model.Domain;

namespace IvpSim.Grains;

/// <summary>
/// A municipality with one set of data (its key says which): holds the data, and fits its own series once per set of
/// pooled hyperparameters and settings, keeping the fits for the next run.
/// </summary>
public sealed class MunicipalityGrain : Grain, IMunicipalityGrain
{
    /// <summary>Fits kept per grain: a few calibrations (settings, national series) side by side, the oldest dropped first.</summary>
    private const int KeptModels = 8;

    private ObservationSet? _data;
    private CalibrationSeriesSet? _series;
    private readonly KeptResults<MunicipalityModelMessage> _models = new(KeptModels);
    private int _loads, _calibrations;

    private string Municipality => GrainKeys.MunicipalityOf(this.GetPrimaryKeyString());

    public Task<CalibrationSeriesSet> Load(MunicipalityData data)
    {
        // The key is a hash of the data: a second load of this grain brings the same data.
        if (_series is not null) return Task.FromResult(_series);
        _loads++;
        _data = data.Observations;
        _series = new CalibrationSeriesSet(CalibrationInputs.CountSeries(_data, Municipality));
        return Task.FromResult(_series);
    }

    public Task<MunicipalityModelMessage> Calibrate(CalibrationRequest request)
    {
        if (_data is null || _series is null)
            throw new ModelInputException($"gemeente {Municipality}: eerst gegevens laden, dan kalibreren");
        var (data, series) = (_data, _series);
        return Task.FromResult(_models.GetOrCompute(request.Key, () =>
        {
            _calibrations++;
            return new MunicipalityModelMessage(BaselineCalibrator.FitMunicipality(Municipality, series.Series, data, request.Hyper,
                request.National, request.Anchors, request.Settings));
        }));
    }

    public Task<GrainWork> GetWork() => Task.FromResult(new GrainWork(_loads, _calibrations));
}
