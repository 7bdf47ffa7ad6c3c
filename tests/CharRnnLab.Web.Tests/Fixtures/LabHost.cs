using System.Text.Json;
using System.Text.Json.Serialization;
using CharRnnLab.Web;
using Microsoft.AspNetCore.Builder;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Corpora;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CharRnnLab.Web.Tests.Fixtures;

/// <summary>
/// The real lab (same pipeline as Program.cs) on a free 127.0.0.1 port with a temporary data
/// directory. Disposing stops it and deletes the directory (unless the caller owns it).
/// </summary>
public sealed class LabHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsDataDirectory;

    private LabHost(WebApplication app, string dataDirectory, bool ownsDataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }
    public IServiceProvider Services => _app.Services;

    /// <param name="dataDirectory">Reuse a data directory (e.g. to restart on the same runs); null = a new temporary one.</param>
    /// <param name="settings">Extra configuration, e.g. ("Lab:AccessTokenMode", "Always").</param>
    public static Task<LabHost> StartAsync(string? dataDirectory = null, params (string Key, string Value)[] settings) =>
        StartAsync(dataDirectory, configure: null, settings);

    /// <param name="configure">Changes to the host builder before it is built, e.g. a capturing logger provider.</param>
    public static Task<LabHost> StartAsync(Action<WebApplicationBuilder> configure, params (string Key, string Value)[] settings) =>
        StartAsync(dataDirectory: null, configure, settings);

    private static async Task<LabHost> StartAsync(string? dataDirectory, Action<WebApplicationBuilder>? configure, (string Key, string Value)[] settings)
    {
        bool owns = dataDirectory is null;
        dataDirectory ??= NewTemporaryDirectory();
        var args = new List<string>
        {
            "--urls", "http://127.0.0.1:0",
            $"--Lab:DataDirectory={dataDirectory}",
            "--Lab:TrainingThreads=1",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        try
        {
            var app = LabApplication.Build([.. args], configure);
            await app.StartAsync();
            return new LabHost(app, dataDirectory, owns);
        }
        catch when (owns)
        {
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
    }

    public static string NewTemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "charrnn-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    public T Service<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>Adds a small generated corpus through the lab's corpora (<see cref="ILabCorpora"/>); returns its id.</summary>
    public async Task<string> AddCorpusAsync(string name = "tiny", int length = 6000)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TestCorpus.Text(length)));
        var corpus = await Service<ILabCorpora>().UploadAsync(name + ".txt", content, CancellationToken.None);
        return corpus.Id;
    }

    public async Task<HubConnection> ConnectAsync(Func<Task<string?>>? accessToken = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "hubs/training"), options =>
            {
                if (accessToken is not null) options.AccessTokenProvider = accessToken;
            })
            .AddJsonProtocol(json =>
            {
                // As the lab's hub writes them: NaN losses, enums as words.
                json.PayloadSerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
                json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    /// <summary>A run small enough to train in well under a second per few iterations on 2 cores.</summary>
    public static StartRunRequest TinyRun(string corpusId, int iterations = 100_000) => new()
    {
        CorpusId = corpusId,
        Layers = 1,
        Hidden = 16,
        Batch = 4,
        Seq = 16,
        LearningRate = 5e-3,
        Iterations = iterations,
        EvalEvery = 5,
        SampleEvery = 5,
        SampleLength = 40,
        CheckpointEvery = 10,
    };

    /// <summary>Stops a training run and waits until it no longer holds the slot.</summary>
    public async Task StopRunAsync(string runId)
    {
        var runs = Service<CharRnnLab.Web.Runs.RunManager>();
        runs.Stop(runId);
        await Poll.UntilAsync(() => !runs.Get(runId).State.IsActive(), $"run {runId} to stop", intervalMs: 50);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsDataDirectory) return;
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
