using CharRnnLab.Core.Checkpoints;
using CharRnnLab.Core.Model;
using CharRnnLab.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// A run's files: DATA/runs/&lt;id&gt;/ holding its checkpoint.crnn (and, briefly, temporary files), and
/// "the weights of a run": a live run's snapshot, else its checkpoint's, read once per checkpoint write
/// and cached. The one place that knows the folder layout; the sampler, the Neurons lab, the importer,
/// the run manager and start-up recovery go through it.
/// </summary>
public sealed class RunFiles(IOptions<LabOptions> options, ILogger<RunFiles> logger)
{
    private readonly Lock _cacheLock = new();
    private (string RunId, DateTime WrittenAt, ModelWeights Weights)? _checkpointCache;

    /// <summary>The folder every run's folder is in.</summary>
    public string Root => options.Value.RunsDirectory;

    public string Directory(string runId) => Path.Combine(Root, runId);

    public bool HasCheckpoint(string runId) => CheckpointFile.Exists(Directory(runId));

    /// <summary>The iteration saved in the run's checkpoint, or null when it has none (or it cannot be read).</summary>
    public int? CheckpointIteration(string runId)
    {
        try
        {
            return HasCheckpoint(runId) ? CheckpointFile.ReadMetadata(Directory(runId)).Iteration : null;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not read the checkpoint of run {RunId}", runId);
            return null;
        }
    }

    /// <summary>The ids of the run folders on disk.</summary>
    public IEnumerable<string> FolderIds() =>
        System.IO.Directory.Exists(Root) ? System.IO.Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>() : [];

    /// <summary>Makes a new run's folder; returns its path.</summary>
    public string Create(string runId)
    {
        string directory = Directory(runId);
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Removes the folder of a run that failed to start. A folder that will not go is logged, not thrown:
    /// the start's own error is the one the user needs.</summary>
    public void Abandon(string runId)
    {
        try { Delete(runId); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not remove the folder {Directory} of a run that failed to start", Directory(runId));
        }
    }

    /// <summary>Removes the run's folder, if there is one.</summary>
    public void Delete(string runId)
    {
        string directory = Directory(runId);
        if (System.IO.Directory.Exists(directory)) System.IO.Directory.Delete(directory, recursive: true);
        lock (_cacheLock) if (_checkpointCache?.RunId == runId) _checkpointCache = null;
    }

    /// <summary>The weights to sample or record from: <paramref name="live"/>'s current ones (a snapshot between
    /// iterations) when the run trains in this process, else its checkpoint's.</summary>
    public async Task<ModelWeights> WeightsAsync(string runId, LiveRun? live, CancellationToken cancellationToken)
    {
        if (live is not null) return await live.WeightsAsync().WaitAsync(cancellationToken);
        var directory = Directory(runId);
        var writtenAt = File.GetLastWriteTimeUtc(CheckpointFile.PathFor(directory));
        lock (_cacheLock)
        {
            if (_checkpointCache is { } c && c.RunId == runId && c.WrittenAt == writtenAt) return c.Weights;
        }
        var weights = await Task.Run(() => CheckpointFile.LoadWeights(directory), cancellationToken);
        lock (_cacheLock) _checkpointCache = (runId, writtenAt, weights);
        return weights;
    }
}
