using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Queue;
using CharRnnLab.Web.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace CharRnnLab.Web.Tests.Hubs;

/// <summary>Every double a hub client sends must be finite: NaN and ±∞ are refused by name through the real hub, and
/// nothing is started, queued or left on disk.</summary>
public sealed class FiniteInputsTests : IAsyncLifetime
{
    private LabHost _lab = null!;
    private HubConnection _hub = null!;
    private string _corpusId = "";

    public async Task InitializeAsync()
    {
        _lab = await LabHost.StartAsync();
        _corpusId = await _lab.AddCorpusAsync();
        _hub = await _lab.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _lab.DisposeAsync();
    }

    private static readonly double[] NotFinite = [double.NaN, double.PositiveInfinity, double.NegativeInfinity];

    /// <summary>Every real-valued run setting (the integer ones cannot carry NaN in JSON) with every non-finite value.</summary>
    public static TheoryData<string, double> RealSettings()
    {
        var data = new TheoryData<string, double>();
        foreach (var setting in RunSettings.All.OfType<NumberSetting>().Where(s => !s.Integer))
            foreach (var value in NotFinite) data.Add(setting.Key, value);
        return data;
    }

    /// <summary>A StartRun request as a client writes it: the corpus, a short run, and one setting set to <paramref name="value"/>.</summary>
    private Dictionary<string, object> Request(string key, double value) =>
        new() { ["corpusId"] = _corpusId, ["iterations"] = 10, [key] = value };

    [Theory]
    [MemberData(nameof(RealSettings))]
    public async Task A_start_or_enqueue_with_a_setting_that_is_not_finite_is_refused_naming_it(string key, double value)
    {
        string label = RunSettings.Find(key)!.Label;

        var start = await Assert.ThrowsAsync<HubException>(() => _hub.InvokeAsync<string>("StartRun", Request(key, value)));
        var enqueue = await Assert.ThrowsAsync<HubException>(() => _hub.InvokeAsync<QueuedRun[]>("EnqueueRuns", new[] { Request(key, value) }));

        Assert.All(new[] { start, enqueue }, refusal => Assert.Contains($"{label} must be", refusal.Message));
        Assert.Empty(_lab.Service<RunManager>().List());
        Assert.Empty(_lab.Service<RunQueue>().List());
        Assert.False(Directory.Exists(Path.Combine(_lab.DataDirectory, "runs")) &&
                     Directory.EnumerateFileSystemEntries(Path.Combine(_lab.DataDirectory, "runs")).Any());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public async Task A_sample_temperature_that_is_not_finite_is_refused(double temperature)
    {
        var refusal = await Assert.ThrowsAsync<HubException>(() =>
            _hub.InvokeAsync<SampleResult>("Sample", "20250101-000000-abcd", temperature, "", 10, null));

        Assert.Contains("Temperature must be 0 (greedy) or between", refusal.Message);
    }
}
