using System.IO.Compression;
using System.Net;
using CharRnnLab.Core;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Neurons;

public sealed class RecordingEndpointTests(TrainedRunFixture fixture) : IClassFixture<TrainedRunFixture>
{
    private const int Units = 16, Characters = 800; // LabHost.TinyRun: 1 layer × 16 units

    private NeuronLab Lab => fixture.Lab.Service<NeuronLab>();
    private HttpClient Http() => new() { BaseAddress = fixture.Lab.BaseAddress };

    [Fact]
    public async Task A_probe_fits_line_position_from_a_few_of_the_recorded_cells()
    {
        var recording = await Lab.RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, Characters));

        var probe = await Lab.ProbeAsync(recording, "linepos");

        Assert.InRange(probe.Cells.Count, 1, probe.Candidates);
        Assert.All(probe.Cells, c => Assert.NotEqual(CharRnnLab.Core.Analysis.Recording.ActivationKind.Cell, c.Kind));  // tanh(c) stands in for raw c
        Assert.True(probe.TrainR2 > 0, $"train R² {probe.TrainR2}");
        var error = await Assert.ThrowsAsync<LabException>(() => Lab.ProbeAsync(recording, "url"));   // the test corpus has no URL
        Assert.Contains("does not vary", error.Message);
        await Assert.ThrowsAsync<CharRnnException>(() => Lab.ProbeAsync(recording, "sentiment"));
    }

    [Fact]
    public async Task A_range_search_waits_its_turn_on_the_compute_lane_and_a_superseded_one_is_dropped()
    {
        var recording = await Lab.RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, Characters));
        var kind = CharRnnLab.Core.Analysis.Recording.ActivationKind.TanhCell;
        var lane = fixture.Lab.Service<RunManager>().Lane;
        var release = new TaskCompletionSource();
        var busy = lane.Run(() => release.Task.Wait());
        using var superseded = new CancellationTokenSource();

        Task<IReadOnlyList<CharRnnLab.Core.Analysis.Ranking.RangeMatch>> current;
        try
        {
            var stale = Lab.FindRangeAsync(recording, 100, 140, kind, 0.5f, superseded.Token);
            current = Lab.FindRangeAsync(recording, 100, 140, kind, 0.5f);
            Assert.False(current.IsCompleted); // queued behind the lane's job, not run on the caller's thread
            superseded.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stale.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            release.SetResult();
            await busy;
        }

        var expected = CharRnnLab.Core.Analysis.Ranking.RangeSearch.Find(recording.Recording, 100, 140, 0.5f, margin: 3,
            top: NeuronLab.RangeMatches, cells: new(Kinds: [kind]));
        Assert.Equal(expected, await current);
    }

    [Fact]
    public async Task The_array_endpoints_return_one_byte_per_value_plus_per_unit_ranges()
    {
        var recording = await Lab.RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, Characters));
        using var http = Http();
        string prefix = $"api/recordings/{recording.Id}";

        var array = await http.GetAsync($"{prefix}/1/tanh_cell");
        Assert.Equal("application/octet-stream", array.Content.Headers.ContentType?.MediaType);
        Assert.Equal(8 * Units + Characters * Units, (await array.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(8 * Units + Characters * Units, (await http.GetByteArrayAsync($"{prefix}/1/f")).Length);
        Assert.Equal(Characters * (4 * 5 + 2), (await http.GetByteArrayAsync($"{prefix}/guesses")).Length);
        Assert.Equal(7 * (8 + Characters), (await http.GetByteArrayAsync($"{prefix}/units/3")).Length);
        Assert.Equal(recording.Recording.Text, await http.GetStringAsync($"{prefix}/text"));
        using var meta = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"{prefix}/meta"));
        Assert.Equal((Characters, Units), (meta.RootElement.GetProperty("characters").GetInt32(), meta.RootElement.GetProperty("units").GetInt32()));
        Assert.Equal(ActivationEncoding.ProbabilityScale, meta.RootElement.GetProperty("probabilityScale").GetInt32());
        Assert.EndsWith(prefix, meta.RootElement.GetProperty("base").GetString());
        Assert.Equal(Characters, recording.Recording.Characters);
        Assert.Contains("validation split", recording.TextDescription);
    }

    [Fact]
    public async Task Unknown_recordings_layers_and_units_are_refused_with_a_reason()
    {
        var recording = await Lab.RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, Characters));
        using var http = Http();

        var expired = await http.GetAsync("api/recordings/0123456789abcdef01234567/1/hidden");
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("Record the text again", await expired.Content.ReadAsStringAsync());
        var layer = await http.GetAsync($"api/recordings/{recording.Id}/2/hidden");
        Assert.Equal(HttpStatusCode.NotFound, layer.StatusCode);
        Assert.Contains("layers 1 to 1", await layer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"api/recordings/{recording.Id}/units/{Units}")).StatusCode);
    }

    [Fact]
    public async Task Exports_download_as_html_npy_and_a_zip_of_cores_exporter()
    {
        var recording = await Lab.RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, Characters));
        using var http = Http();
        string prefix = $"api/recordings/{recording.Id}/export";

        var html = await http.GetAsync($"{prefix}/html?layer=1&kind=tanh_cell&unit=3");
        Assert.Equal("attachment", html.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith("-layer1-tanh_cell-3.html", html.Content.Headers.ContentDisposition?.FileNameStar ?? html.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("<!DOCTYPE html>", await html.Content.ReadAsStringAsync());

        var npy = await http.GetByteArrayAsync($"{prefix}/npy?layer=1&kind=hidden");
        Assert.Equal("NUMPY", System.Text.Encoding.ASCII.GetString(npy, 1, 5));
        Assert.Equal(0, (npy.Length - Characters * Units * 4) % 64); // a 64-byte aligned header, then the floats

        await using var zipStream = await http.GetStreamAsync($"{prefix}/zip?csv=true");
        using var zip = new ZipArchive(zipStream);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("index.json", names);
        Assert.Contains("text.txt", names);
        Assert.Contains("layer1_forget_gate.npy", names);
        Assert.Contains("layer1_forget_gate.csv", names);
    }

    [Fact]
    public async Task The_same_run_and_text_come_from_the_cache_and_a_live_run_is_recorded_from_a_snapshot()
    {
        var first = await Lab.RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, Characters));
        Assert.Same(first, await Lab.RecordAsync(fixture.RunId, new NeuronTextRequest(NeuronTextSource.Validation, Characters)));

        var runs = fixture.Lab.Service<RunManager>();
        var live = await runs.StartAsync(LabHost.TinyRun(fixture.CorpusId));
        try
        {
            await Poll.UntilAsync(() => runs.Get(live.Id).Iteration >= 3, "a few iterations", seconds: 90, intervalMs: 50);
            var sampled = await Lab.RecordAsync(live.Id, new NeuronTextRequest(NeuronTextSource.Sample, 300));
            Assert.Equal(300, sampled.Recording.Characters);
            Assert.True(sampled.Iteration >= 3);
            Assert.Contains("sampled", sampled.TextDescription);
            var refused = await Assert.ThrowsAsync<LabException>(() =>
                Lab.RecordAsync(live.Id, new NeuronTextRequest(NeuronTextSource.Pasted, Pasted: "the cat Ω")));
            Assert.Contains("the pasted text has 1 it does not: 'Ω' (U+03A9)", refused.Message);
        }
        finally
        {
            runs.Stop(live.Id);
            await Poll.UntilAsync(() => runs.Active is null, "the live run to stop", seconds: 90, intervalMs: 50);
        }
    }
}
