namespace CharRnnLab.Web.Hosting;

/// <summary>When the lab asks for its access token.</summary>
public enum AccessTokenMode
{
    /// <summary>Only when the server listens beyond loopback (e.g. --urls http://0.0.0.0:5000).</summary>
    Auto,
    /// <summary>Always, even on 127.0.0.1 (a shared machine).</summary>
    Always,
}

/// <summary>Where on-demand sampling (the temperature slider, the hub's Sample) runs.</summary>
public enum SamplingPlacement
{
    /// <summary>On a spare core when training leaves one (TrainingThreads below the core count), else on the compute lane.</summary>
    Auto,
    /// <summary>Always on the compute lane, between training iterations.</summary>
    Lane,
    /// <summary>Always on a thread-pool thread, in parallel with training.</summary>
    ThreadPool,
}

/// <summary>The lab's settings, bound from the "Lab" configuration section
/// (appsettings.json, environment variables such as Lab__MaxConcurrentRuns, or --Lab:DataDirectory=…).</summary>
public sealed class LabOptions
{
    public const string Section = "Lab";

    /// <summary>Where runs (SQLite database, checkpoints) and corpora live. Empty = the
    /// CHARRNN_DATA environment variable, else LocalApplicationData/CharRnnLab.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Runs that may train (or sit paused) at the same time.</summary>
    public int MaxConcurrentRuns { get; set; } = 1;

    /// <summary>libtorch intra-op threads per run; 0 = all cores but one, so the server stays responsive.</summary>
    public int TrainingThreads { get; set; }

    /// <summary>Largest corpus upload, in bytes (default 50 MB).</summary>
    public long MaxUploadBytes { get; set; } = CharRnnLab.Core.Corpora.CorpusLibrary.DefaultMaxUploadBytes;

    /// <summary>How often per second a training run pushes updates to pages and hub clients (1–10).</summary>
    public int UpdatesPerSecond { get; set; } = 10;

    /// <summary>Most points per chart trace and per GetHistory curve; longer runs are bucket-averaged.</summary>
    public int MaxChartPoints { get; set; } = 2000;

    /// <summary>Most memory one run may need to train (weights, gradients, optimizer state, activations), in MB;
    /// 0 = half the memory this process may use (physical memory, or the container's limit).</summary>
    public int MaxTrainingMemoryMb { get; set; }

    /// <summary>Corpora up to this size (bytes) get their n-gram baselines computed as soon as a page needs them; a
    /// larger one's wait for a button press unless its index is cached already (default 2 MB: a few seconds of work).</summary>
    public long NgramAutoBuildBytes { get; set; } = 2_000_000;

    public AccessTokenMode AccessTokenMode { get; set; } = AccessTokenMode.Auto;

    /// <summary>Where sampling runs while a model trains; see <see cref="Hosting.SamplingPlacement"/>.</summary>
    public SamplingPlacement SamplingPlacement { get; set; } = SamplingPlacement.Auto;

    /// <summary>The access token to require; empty = a random one printed at start-up.</summary>
    public string AccessToken { get; set; } = "";

    /// <summary>Host names the lab answers to beyond localhost, IP literals and its listen addresses, separated
    /// by ';' (e.g. "lab.example.org;*.lan"); "*" = any. Others get 400 (against DNS rebinding).</summary>
    public string AllowedHosts { get; set; } = "";

    /// <summary><see cref="AllowedHosts"/> split into names.</summary>
    public string[] AllowedHostNames =>
        AllowedHosts.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The thread count actually used for <see cref="TrainingThreads"/> = 0.</summary>
    public int EffectiveTrainingThreads =>
        TrainingThreads > 0 ? TrainingThreads : Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>The budget actually used for <see cref="MaxTrainingMemoryMb"/> = 0.</summary>
    public long EffectiveMaxTrainingMemoryBytes =>
        MaxTrainingMemoryMb > 0 ? MaxTrainingMemoryMb * (1L << 20) : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    public string RunsDirectory => Path.Combine(DataDirectory, "runs");
    public string DatabasePath => Path.Combine(DataDirectory, "lab.db");
}
