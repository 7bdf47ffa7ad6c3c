using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Storage;
using Microsoft.Extensions.Options;

namespace CharRnnLab.Web.Runs;

/// <summary>
/// What a previous server left behind, dealt with at start-up (a hosted start, before the lab serves anything):
/// runs it left "running" or "paused" become interrupted; temporary files (*.tmp of checkpoints, imports, uploads,
/// corpus builds) a crash left in the data folder are removed; a run folder without a database row is removed when it
/// holds no checkpoint, and listed as <see cref="Recoverable"/> (and logged) when it does.
/// </summary>
public sealed class RunRecovery(RunStore store, RunFiles files, IOptions<LabOptions> options, ILogger<RunRecovery> logger) : IHostedService
{
    /// <summary>Folders found at start-up with a checkpoint but no database row: import their checkpoint.crnn to get them back.</summary>
    public IReadOnlyList<string> Recoverable { get; private set; } = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        MarkInterruptedRuns();
        RemoveTemporaryFiles();
        Recoverable = SweepFoldersWithoutRow();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void MarkInterruptedRuns()
    {
        foreach (var run in store.ListRuns().Where(r => r.State.IsActive()))
        {
            var checkpoint = files.CheckpointIteration(run.Id);
            store.Update(run with
            {
                State = RunState.Interrupted,
                CheckpointIteration = checkpoint ?? run.CheckpointIteration,
                Message = checkpoint is { } at
                    ? $"The server stopped while this run was training; resume to continue from the checkpoint at iteration {at}."
                    : "The server stopped while this run was training, before its first checkpoint; start a new run.",
            });
        }
    }

    /// <summary>Every *.tmp under the data folder, file or folder (a corpus build's copy of an uploaded archive): nothing of
    /// this server writes one yet, so each is a crash's leftover.</summary>
    private void RemoveTemporaryFiles()
    {
        string data = options.Value.DataDirectory;
        foreach (var path in Directory.EnumerateDirectories(data, "*.tmp", SearchOption.AllDirectories).ToList())
            Remove(path, () => Directory.Delete(path, recursive: true));
        foreach (var path in Directory.EnumerateFiles(data, "*.tmp", SearchOption.AllDirectories).ToList())
            Remove(path, () => File.Delete(path));
    }

    private void Remove(string path, Action delete)
    {
        try
        {
            delete();
            logger.LogInformation("Removed {Path}, a temporary file left by an earlier server", path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not remove the leftover temporary file {Path}", path);
        }
    }

    private List<string> SweepFoldersWithoutRow()
    {
        var known = store.ListRuns().Select(r => r.Id).ToHashSet();
        var recoverable = new List<string>();
        foreach (var id in files.FolderIds().Where(id => !known.Contains(id)))
        {
            if (files.HasCheckpoint(id))
            {
                recoverable.Add(files.Directory(id));
                logger.LogWarning("{Directory} holds a checkpoint but the lab's database has no run for it; import its checkpoint.crnn " +
                    "on the Runs page to get it back", files.Directory(id));
                continue;
            }
            try { files.Delete(id); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning(ex, "Could not remove the run folder {Directory}, which has no checkpoint and no database row", files.Directory(id));
            }
        }
        return recoverable;
    }
}
