using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using CharRnnLab.Web.Runs;

namespace CharRnnLab.Web.Tests.Runs;

/// <summary>The Runs page's download: a run's checkpoint as safetensors, over HTTP.</summary>
public sealed class RunExportEndpointTests(TrainedRunFixture fixture) : IClassFixture<TrainedRunFixture>
{
    private HttpClient Http() => new() { BaseAddress = fixture.Lab.BaseAddress };

    [Fact]
    public async Task A_trained_run_downloads_as_safetensors_under_pytorch_names()
    {
        using var http = Http();

        using var response = await http.GetAsync(RunExportEndpoints.SafetensorsUrl(fixture.RunId).TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"charrnn-{fixture.RunId}.safetensors", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes)));
        var names = header.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["__metadata__", "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "decoder.weight", "decoder.bias"], names);
        Assert.Equal("tiny", header.RootElement.GetProperty("__metadata__").GetProperty("corpus").GetString());
    }

    [Fact]
    public async Task An_unknown_run_is_a_404_saying_so()
    {
        using var http = Http();

        using var response = await http.GetAsync(RunExportEndpoints.SafetensorsUrl("no-such-run").TrimStart('/'));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is no run 'no-such-run'", await response.Content.ReadAsStringAsync());
    }
}
